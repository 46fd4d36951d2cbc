/**
 * Where a full scan's time goes: the content script's own scan modules, bundled and run in a page
 * without the extension, one phase more per step (walk the blocks; + match; + register ranges).
 * Diagnostic only: it imports internal modules, so a failure here is reported, not fatal.
 */
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { MatchTerm } from '../../src/shared/matcher';
import { launchPlain } from './plain-browser';
import { median } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');

const ENTRY = `
import { compileMatcher, findMatches } from './src/shared/matcher';
import { textBlocks } from './src/content/block-text';
import { BlockHighlighter } from './src/content/scanner';
import { HighlightStore } from './src/content/highlight-store';
globalThis.benchPhase = (terms, phase) => {
  const t0 = performance.now();
  const matcher = compileMatcher(terms);
  const t1 = performance.now();
  const options = { includeCode: false, firstOccurrenceOnly: false };
  const store = new HighlightStore(document);
  if (phase !== 'late') store.attach();
  let blocks = 0;
  let matches = 0;
  const stats = { textNodes: 0, chars: 0, matches: 0 };
  const highlighter = new BlockHighlighter(matcher, store, stats);
  for (const block of textBlocks(document.body, options)) {
    blocks++;
    if (phase === 'walk') continue;
    if (phase === 'match') matches += findMatches(matcher, block.text).length;
    else {
      highlighter.addPart(block);
      do highlighter.step();
      while (highlighter.busy && !highlighter.needsText);
    }
  }
  matches += stats.matches;
  if (phase === 'late') store.attach();
  return { compileMs: t1 - t0, ms: performance.now() - t1, blocks, matches };
};
`;

export const PHASES = ['walk', 'match', 'ranges', 'late'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseResults {
  /** Median ms per phase: walk = textBlocks only; match = + findMatches; ranges = + StaticRange and
   * HighlightStore.add on a registered highlight; late = the same, highlight registered afterwards. */
  ms: Record<Phase, number>;
  compileMs: number;
  blocks: number;
  matches: number;
}

async function bundle(): Promise<string> {
  const out = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced nothing');
  return file.text;
}

/** Median time of each phase over `runs` fresh loads of `url` (a page with no extension). */
export async function runPhases(url: string, terms: MatchTerm[], runs: number): Promise<PhaseResults> {
  const code = await bundle();
  const plain = await launchPlain();
  const samples: Record<Phase, number[]> = { walk: [], match: [], ranges: [], late: [] };
  const compile: number[] = [];
  let blocks = 0;
  let matches = 0;
  try {
    for (let i = 0; i < runs; i++) {
      for (const phase of PHASES) {
        const page = await plain.browser.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.addScriptTag({ content: code });
        const r = await page.evaluate(
          (terms: MatchTerm[], phase: Phase) =>
            (
              globalThis as unknown as {
                benchPhase(
                  t: MatchTerm[],
                  p: Phase,
                ): { compileMs: number; ms: number; blocks: number; matches: number };
              }
            ).benchPhase(terms, phase),
          terms,
          phase,
        );
        samples[phase].push(r.ms);
        compile.push(r.compileMs);
        blocks = r.blocks;
        if (phase === 'ranges') matches = r.matches;
        await page.close();
      }
    }
  } finally {
    await plain.close();
  }
  return {
    ms: {
      walk: median(samples.walk),
      match: median(samples.match),
      ranges: median(samples.ranges),
      late: median(samples.late),
    },
    compileMs: median(compile),
    blocks,
    matches,
  };
}
