/** Node-side matcher numbers: compile time vs reading the pack, and matching the page's text alone. */
import { surfaceForms } from '../../src/shared/glossary/alias-rules';
import type { GlossaryPack } from '../../src/shared/glossary/model';
import { compileMatcher, findMatches, type MatchTerm } from '../../src/shared/matcher';
import { createRng } from './prng';
import { median, timeRuns } from './stats';
import { CJK_CHARS } from './words';

export interface CompileResult {
  compileMs: number;
  /** JSON.parse of the pack text + NFKC of every term and alias string. */
  floorMs: number;
  forms: number;
}

/**
 * Median compile time of `pack`'s forms vs the floor of reading it. The two alternate run by run
 * (so both see the same machine noise), after a few untimed rounds so both are measured warm: the
 * floor is native code that needs no warming, the compiler is JavaScript that does.
 */
export function benchCompile(packText: string, runs = 9, warmup = 6): CompileResult {
  const pack = JSON.parse(packText) as GlossaryPack;
  const terms: MatchTerm[] = pack.terms.map((t) => ({ id: `${pack.id}/${t.id}`, forms: surfaceForms(t) }));
  const readPack = () => {
    const parsed = JSON.parse(packText) as GlossaryPack;
    let n = 0;
    for (const term of parsed.terms) {
      n += term.term.normalize('NFKC').length;
      for (const alias of term.aliases ?? []) n += alias.text.normalize('NFKC').length;
    }
    return n;
  };
  const floor: number[] = [];
  const compile: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const [f] = timeRuns(readPack, 1, 0);
    const [c] = timeRuns(() => compileMatcher(terms), 1, 0);
    if (i >= warmup && f !== undefined && c !== undefined) {
      floor.push(f);
      compile.push(c);
    }
  }
  return {
    compileMs: median(compile),
    floorMs: median(floor),
    forms: terms.reduce((n, t) => n + t.forms.length, 0),
  };
}

/** Rough text blocks of generated HTML: block elements' text with inline tags removed. */
export function htmlBlocks(html: string): string[] {
  const body = html.replace(/<(script|style|head)[\s\S]*?<\/\1>/g, '');
  return body
    .split(
      /<\/?(?:p|li|h[1-6]|td|th|tr|table|section|article|main|header|footer|aside|nav|ul|blockquote|div|body)\b[^>]*>/,
    )
    .map((chunk) =>
      chunk
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .filter((text) => /\S/.test(text));
}

export interface FindResult {
  ms: number;
  matches: number;
  chars: number;
}

/**
 * Median time of findMatches over `blocks` with the matcher of `terms` (pure matching, no DOM);
 * `cjkWordEdges: false` measures it without the CJK word-edge rule.
 */
export function benchFind(
  terms: readonly MatchTerm[],
  blocks: readonly string[],
  runs = 5,
  cjkWordEdges = true,
): FindResult {
  const matcher = compileMatcher(terms, { cjkWordEdges });
  let matches = 0;
  const times = timeRuns(() => {
    matches = 0;
    for (const text of blocks) matches += findMatches(matcher, text).length;
  }, runs);
  return { ms: median(times), matches, chars: blocks.reduce((n, b) => n + b.length, 0) };
}

/**
 * Paragraphs of Chinese prose, about `chars` characters in all (3 bytes each in UTF-8): runs of
 * common characters with one of `forms` (the default pack's Chinese forms) after a third of them,
 * so most matches have Chinese on both sides and every one of them asks the segmenter.
 */
export function cjkBlocks(forms: readonly string[], chars: number, seed = 11): string[] {
  const rng = createRng(seed);
  const blocks: string[] = [];
  let total = 0;
  while (total < chars) {
    let block = '';
    for (let k = rng.int(12, 30); k > 0; k--) {
      block += Array.from({ length: rng.int(2, 6) }, () => rng.pick(CJK_CHARS)).join('');
      if (rng.chance(0.35)) block += rng.pick(forms);
      if (rng.chance(0.15)) block += rng.chance(0.5) ? '，' : '。';
    }
    blocks.push(`${block}。`);
    total += block.length + 1;
  }
  return blocks;
}

export interface EdgeRuleCost {
  /** The article (mostly English) with the default pack + 10 000 terms, with and without the rule. */
  article: { with: FindResult; without: FindResult };
  /** A page of Chinese prose with the default pack, with and without the rule. */
  cjk: { with: FindResult; without: FindResult };
}

/** What the CJK word-edge rule costs findMatches on the article and on a Chinese page. */
export function benchEdgeRule(
  bigTerms: readonly MatchTerm[],
  articleBlocks: readonly string[],
  defaultTerms: readonly MatchTerm[],
  runs = 5,
): EdgeRuleCost {
  const forms = defaultTerms
    .flatMap((t) => t.forms.map((f) => f.text))
    .filter((f) => /[\u4e00-\u9fff]/.test(f));
  const cjk = cjkBlocks(forms, 330_000);
  return {
    article: {
      with: benchFind(bigTerms, articleBlocks, runs),
      without: benchFind(bigTerms, articleBlocks, runs, false),
    },
    cjk: { with: benchFind(defaultTerms, cjk, runs), without: benchFind(defaultTerms, cjk, runs, false) },
  };
}
