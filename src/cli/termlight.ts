/** `termlight` CLI entry: checks, converts and compares glossary packs, for a team's own CI. */
import { runCli } from './run';

// exitCode rather than process.exit(), which can cut off output still queued for a pipe.
runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
