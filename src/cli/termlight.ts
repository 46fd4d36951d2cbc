/** `termlight` CLI entry: validates glossary packs and reports their statistics, for a team's own CI. */
import { runCli } from './run';

runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
