/**
 * What the CSV and TBX readers share: the import result, ids made from names and file names, and
 * validation by the pack validator with its JSON paths turned into places in the source file.
 */

import type { GlossaryPack } from '../glossary/model';
import type { ProblemWords } from '../glossary/problem-words';
import { GLOSSARY_LIMITS, validatePack } from '../glossary/validate';

/** A problem in an imported file, located by JSON path, CSV line or TBX element. */
export interface ImportProblem {
  path: string;
  /** In English. */
  message: string;
  /** The validator's problems also as a message key and values, for a UI to write in its language. */
  words?: ProblemWords;
}

/** A validated pack with its warnings, or every problem found; nothing is written either way. */
export type ParsedImport =
  | { ok: true; pack: GlossaryPack; warnings: ImportProblem[] }
  | { ok: false; errors: ImportProblem[] };

/**
 * The id form of a name: lower-case ASCII letters, digits and dashes ("Café Law (2017)" →
 * "cafe-law-2017"); '' when the name has no ASCII letter or digit (a Chinese name, say).
 */
export function slugify(text: string): string {
  return (
    text
      // NFKD splits "é" into "e" and a combining accent (dropped next) and folds full-width forms.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, GLOSSARY_LIMITS.label)
      .replace(/-+$/, '')
  );
}

/** FNV-1a over the UTF-16 code units, as 7 base-36 digits: short, and the same on every run. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** A letter or digit that a slug cannot keep: one outside ASCII once accents are taken off. */
const BEYOND_ASCII = /[^\P{L}a-zA-Z]|[^\P{N}0-9]/u;

/**
 * A term id made from its name: the slug, or for a name whose letters or digits the slug cannot
 * all keep (Chinese ones, say) the slug and a hash of the whole name, `term-<hash>` when nothing of
 * it is ASCII: "5G网络" and "5G专网" must not both be "5g". A hash rather than a row number, so
 * the same term keeps its id when the file is re-sorted and re-imported (and the merge report
 * says "changed", not "removed, added").
 */
export function termIdFromName(name: string): string {
  const slug = slugify(name);
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '');
  if (slug && !BEYOND_ASCII.test(folded)) return slug;
  const hash = shortHash(name);
  return slug
    ? `${slug.slice(0, GLOSSARY_LIMITS.label - hash.length - 1).replace(/-+$/, '')}-${hash}`
    : `term-${hash}`;
}

/**
 * `id`, or when `taken` holds it already the first of `id-2`, `id-3`… it does not, which it then
 * holds: a made id never clashes with another (two names may still share a hash, rarely).
 */
export function freeId(id: string, taken: Set<string>): string {
  let free = id;
  for (let n = 2; taken.has(free); n++) free = `${id}-${n}`;
  taken.add(free);
  return free;
}

/** A pack's id and name from the file it came in: `China cyber policy.csv` → `china-cyber-policy`. */
export function packIdentityFromFileName(fileName: string): { id: string; name: string } {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').trim();
  return { id: slugify(base) || 'glossary', name: base || 'Glossary' };
}

/** Where a JSON path of the pack (`$.terms[3].sources[0].url`) is in the source file, if known. */
export type Locator = (path: string) => string | undefined;

const EMBEDDED_TERM_PATH = /\$\.terms\[\d+\](?:\.[A-Za-z_]\w*|\[\d+\])*/g;

function relocate(problem: ImportProblem, locate: Locator): ImportProblem {
  const words = problem.words;
  return {
    path: locate(problem.path) ?? problem.path,
    // Messages name other places too ("first used at $.terms[0].id").
    message: problem.message.replace(EMBEDDED_TERM_PATH, (path) => locate(path) ?? path),
    ...(words && {
      words: {
        ...words,
        values: words.values.map((value) =>
          typeof value === 'object' && 'path' in value ? { path: locate(value.path) ?? value.path } : value,
        ),
      },
    }),
  };
}

/**
 * Validates a pack read from CSV or TBX with the same validator as JSON, so the same rules and
 * messages apply, and reports each problem at its place in the file. `readWarnings` are the
 * reader's own (ignored columns, dropped references), already located.
 */
export function validateImported(
  data: Record<string, unknown>,
  locate: Locator,
  readWarnings: readonly ImportProblem[] = [],
): ParsedImport {
  const result = validatePack(data);
  if (!result.ok) return { ok: false, errors: result.errors.map((error) => relocate(error, locate)) };
  return {
    ok: true,
    pack: result.pack,
    warnings: [...readWarnings, ...result.warnings.map((warning) => relocate(warning, locate))],
  };
}

/** Splits a JSON path of a term into its index and the rest: `$.terms[3].sources[0]` → 3, `sources`. */
export function termPathParts(path: string): { index: number; field?: string; item?: number } | undefined {
  const match = /^\$\.terms\[(\d+)\](?:\.([A-Za-z_]\w*)(?:\[(\d+)\])?)?/.exec(path);
  if (!match) return undefined;
  return {
    index: Number(match[1]),
    ...(match[2] === undefined ? {} : { field: match[2] }),
    ...(match[3] === undefined ? {} : { item: Number(match[3]) }),
  };
}
