/** The shipped default pack, read from `glossary/` (the extension bundles the same file). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Term } from '../../src/shared/glossary/model';

export const DEFAULT_PACK_FILE = resolve(import.meta.dirname, '../../glossary/china-cyber-policy.json');

/** Forms sprinkled into the page when the default pack file is not there yet. */
const FALLBACK_FORMS = [
  'MLPS',
  'MLPS 2.0',
  'TC260',
  'CAC',
  'Cybersecurity Law',
  'Data Security Law',
  'leading small group',
  'Global Initiative on Data Security',
  '等级保护',
  '等保',
  '网信办',
];

export interface DefaultPack {
  name: string;
  terms: Term[];
  /** Surface strings (names and aliases) to sprinkle into the article. */
  forms: string[];
}

/** The default pack's name, terms and forms; no terms and a few well-known forms when the file does not exist yet. */
export function loadDefaultPack(): DefaultPack {
  if (!existsSync(DEFAULT_PACK_FILE)) return { name: 'China cyber policy', terms: [], forms: FALLBACK_FORMS };
  const pack = JSON.parse(readFileSync(DEFAULT_PACK_FILE, 'utf8')) as { name: string; terms: Term[] };
  const forms = pack.terms.flatMap((t) => [t.term, ...(t.aliases ?? []).map((a) => a.text)]);
  return { name: pack.name, terms: pack.terms, forms };
}
