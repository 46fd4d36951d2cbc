/** `termlight` CLI: validates glossary packs and reports their statistics, for a team's own CI. */
import { readFile } from 'node:fs/promises';
import { validatePack } from '../shared/glossary/validate';

const USAGE = `Usage: termlight <command> <file...>

Commands:
  validate <file...>   check termlight-glossary JSON files; exit 1 on any error
  stats <file...>      print term, alias and language counts per pack`;

async function load(file: string) {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false as const,
      errors: [{ path: '$', message: `Not valid JSON: ${(error as Error).message}` }],
    };
  }
  return validatePack(data);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...files] = argv;
  if (!command || files.length === 0 || !['validate', 'stats'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const result = await load(file);
    if (!result.ok) {
      failed = true;
      for (const e of result.errors) console.error(`${file}: ${e.path}: ${e.message}`);
      continue;
    }
    const { pack } = result;
    if (command === 'validate') {
      console.log(`${file}: ok (${pack.terms.length} terms)`);
    } else {
      const aliases = pack.terms.reduce((n, t) => n + (t.aliases?.length ?? 0), 0);
      const langs = new Set(
        pack.terms.flatMap((t) => (t.aliases ?? []).map((a) => a.lang ?? pack.language ?? 'en')),
      );
      console.log(
        `${file}: ${pack.id} "${pack.name}": ${pack.terms.length} terms, ${aliases} aliases, languages ${[...langs].sort().join(', ')}`,
      );
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
