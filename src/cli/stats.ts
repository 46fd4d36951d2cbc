/** `termlight stats`: how many terms and aliases each pack has, and in which languages. */
import type { GlossaryPack } from '../shared/glossary/model';
import type { Command } from './command';
import { count } from './count';
import { forEachPack } from './each-pack';

/** `id "name": N terms, M aliases, languages a, b`; an alias without a language has the pack's. */
function describeStats(pack: GlossaryPack): string {
  const aliases = pack.terms.reduce((n, t) => n + (t.aliases?.length ?? 0), 0);
  const languages = new Set(
    pack.terms.flatMap((t) => (t.aliases ?? []).map((a) => a.lang ?? pack.language ?? 'en')),
  );
  const languageList = [...languages].sort().join(', ') || 'none';
  return `${pack.id} "${pack.name}": ${count(pack.terms.length, 'term')}, ${count(aliases, 'alias', 'aliases')}, languages ${languageList}`;
}

/** Prints one line of counts per valid file, and the located problems of the others. */
export const statsCommand: Command = {
  name: 'stats',
  synopsis: '[--format json|csv|tbx] <file...>',
  summary: 'print term, alias and language counts per pack',
  help: `Reads each glossary file as validate does and prints its pack id and name and
its numbers of terms and aliases, and the languages of the aliases.

Options:
  --format json|csv|tbx   read every file as this format, whatever its extension
                          (default: from the extension; .xml is read as TBX)
  -h, --help              show this help`,
  options: { format: { type: 'string' } },
  files: { min: 1, max: Number.POSITIVE_INFINITY },
  run(args, io) {
    return forEachPack(this, args, io, (file, pack) => `${file}: ${describeStats(pack)}`);
  },
};
