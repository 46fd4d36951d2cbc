import {
  type MatchTerm,
  normalizeForSearch,
  originalEnd,
  originalStart,
  type TermMatch,
} from '../../../../src/shared/matcher';

// A Latin, Greek or Cyrillic letter, or a decimal digit; and a combining mark.
const WORD = /^(?:[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}](?<=\p{L})|\p{Nd})$/u;
const MARK = /^\p{M}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
// No letter, digit or mark of any script: "™", "²", "①" (which NFKC makes letters or digits).
const SYMBOL = /^[^\p{L}\p{Nd}\p{M}]/u;
// Han ideographs of the BMP, iteration marks and kana: what the CJK word-edge rule looks at.
const CJK = /^[\u3005-\u3007\u3041-\u30fa\u30fc\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u;
const CJK_WINDOW = 8;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * The CJK word-edge rule: a CJK edge of a match with a CJK character beyond it must be a word
 * boundary of the segmenter run over the match and the CJK characters around it (at most
 * CJK_WINDOW each side).
 */
function onCjkWordEdges(folded: string, start: number, end: number, variant: string): boolean {
  const checkStart = isCjk(variant[0]) && isCjk(folded[start - 1]);
  const checkEnd = isCjk(variant.at(-1)) && isCjk(folded[end]);
  if (!checkStart && !checkEnd) return true;
  let from = start;
  while (from > 0 && start - from < CJK_WINDOW && isCjk(folded[from - 1])) from--;
  let to = end;
  while (to < folded.length && to - end < CJK_WINDOW && isCjk(folded[to])) to++;
  const boundaries = new Set([...segmenter.segment(folded.slice(from, to))].map((s) => s.index + from));
  return (!checkStart || boundaries.has(start)) && (!checkEnd || boundaries.has(end));
}

/** A guard text as the search text reads it, case-folded (the test alphabets fold one for one). */
function guardForm(text: string): string {
  return normalizeForSearch(text).text.toLowerCase();
}

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/**
 * Whether a word character comes before `index`, looking through combining marks to the letter they
 * sit on; a unit that ends a symbol of the page's text is none.
 */
function wordBefore(text: string, index: number, symbolEnds: (unit: number) => boolean): boolean {
  let j = index - 1;
  while (j > 0 && MARK.test(text[j] ?? '')) j--;
  return isWord(text[j]) && !symbolEnds(j);
}

function plural(word: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[b-df-hj-np-tv-z]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

interface Candidate {
  start: number;
  end: number;
  term: number;
}

/**
 * The matching rules of DESIGN.md done the slow, obvious way, to check the trie matcher against:
 * every occurrence of every form (and of its plural) in the search text, checked one by one.
 */
export function referenceMatches(terms: readonly MatchTerm[], text: string): TermMatch[] {
  const search = normalizeForSearch(text);
  const haystack = search.text;
  const origin = (unit: number) => search.starts?.[unit] ?? unit;
  // Whether the page's character at `unit` of the search text is a symbol (see SYMBOL).
  const symbolAt = (unit: number) => {
    // The page's character there, past the invisible ones the search form leaves out.
    let at = origin(unit);
    while (IGNORABLE.test(text[at] ?? '')) at++;
    const ch = String.fromCodePoint(text.codePointAt(at) ?? 0x20);
    const next = text[at + ch.length] ?? '';
    // A mark on a symbol makes a cluster, read as a whole like a letter with its accent; an
    // invisible one (a variation selector) does not.
    return text.charCodeAt(at) >= 0x80 && SYMBOL.test(ch) && !(MARK.test(next) && !IGNORABLE.test(next));
  };
  // A word edge is judged by the page's character beyond it: a symbol's units are not a word's.
  const symbolStarts = (unit: number) => (unit === 0 || origin(unit) !== origin(unit - 1)) && symbolAt(unit);
  const symbolEnds = (unit: number) => origin(unit + 1) !== origin(unit) && symbolAt(unit);
  const folded = haystack.toLowerCase();
  const candidates: Candidate[] = [];
  terms.forEach((term, index) => {
    for (const form of term.forms) {
      const pattern = normalizeForSearch(form.text).text.trim();
      if (pattern === '') continue;
      const variants = [pattern];
      if (!form.caseSensitive && !form.exact && /(?=\p{L})\p{Script=Latin}$/u.test(pattern)) {
        variants.push(plural(pattern.toLowerCase()));
      }
      for (const variant of variants) {
        const wanted = variant.toLowerCase();
        // Every occurrence, overlapping ones included (the test alphabets lower-case one for one).
        for (let start = folded.indexOf(wanted); start >= 0; start = folded.indexOf(wanted, start + 1)) {
          const end = start + variant.length;
          if (form.caseSensitive && haystack.slice(start, end) !== variant) continue;
          if (isWord(variant[0]) && start > 0 && wordBefore(haystack, start, symbolEnds)) continue;
          const after = haystack[end];
          const wordAfter = (isWord(after) || MARK.test(after ?? '')) && !symbolStarts(end);
          if (isWord(variant.at(-1)) && wordAfter) continue;
          const before = folded.slice(0, start);
          if ((form.notPrecededBy ?? []).some((g) => before.endsWith(guardForm(g)))) continue;
          if ((form.notFollowedBy ?? []).some((g) => folded.startsWith(guardForm(g), end))) continue;
          if (!form.ignoreSegmenter && !onCjkWordEdges(folded, start, end, variant)) continue;
          candidates.push({ start, end, term: index });
        }
      }
    }
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.term - b.term);

  const matches: TermMatch[] = [];
  let taken = 0;
  let highlighted = 0;
  for (const c of candidates) {
    if (c.start < taken) continue;
    taken = c.end;
    const start = originalStart(search, c.start);
    // Matches inside one character that NFKC expands ("..." of "…") make one highlight: the first.
    if (start < highlighted) continue;
    let end = originalEnd(search, c.end);
    // A highlight ends with the term, not with the invisible units after it.
    while (end > start + 1 && IGNORABLE.test(text[end - 1] ?? '')) end--;
    highlighted = end;
    matches.push({
      start,
      end,
      termId: terms[c.term]?.id ?? '',
    });
  }
  return matches;
}
