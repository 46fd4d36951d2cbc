/** The packs shipped inside the extension (validated by the unit tests, not at every start). */
import chinaCyberPolicy from '../../glossary/china-cyber-policy.json';
import type { GlossaryPack } from '../shared/glossary/model';

export const BUILTIN_PACKS: readonly GlossaryPack[] = [chinaCyberPolicy as unknown as GlossaryPack];
