/**
 * The popup search bench: per keystroke, our search (the background's index, in node) against plain
 * Fuse.js over the same 10 000 terms and 10 000 clippings, in one process with the same data, keystrokes
 * alternating; then keystroke → rendered in the real popup page in Chromium (search-popup.ts).
 */
import Fuse from 'fuse.js';
import { type ClippingRow, toTermRow } from '../../src/background/db';
import {
  type Collection,
  clippingShelf,
  type SearchTerm,
  searchCollections,
  termShelf,
} from '../../src/background/search-collections';
import type { Clipping } from '../../src/shared/clippings/model';
import type { GlossaryPack } from '../../src/shared/glossary/model';
import { generateClippings, keystrokes, searchQueries } from './search-fixtures';
import { type PopupSearchResults, runPopupSearch } from './search-popup';
import { median } from './stats';

export interface SearchOptions {
  /** The 10 000-term bench pack and its file's text. */
  pack: GlossaryPack;
  packText: string;
  runs: number;
  log: (line: string) => void;
}

export interface Percentiles {
  p50: number;
  p95: number;
}

export interface SearchBench {
  terms: number;
  clippings: number;
  queries: string[];
  /** Timed keystrokes per run. */
  keystrokes: number;
  runs: number;
  /** Ours and plain Fuse.js per keystroke (node), ms. */
  oursMs: number[];
  fuseMs: number[];
  ours: Percentiles;
  fuse: Percentiles;
  /** Building our index, and Fuse's, from the same records (node), ms. */
  buildMs: { ours: number; fuse: number };
  /** Distinct words our fuzzy pass compares typed words with. */
  vocabulary: number;
  /** What each query finds first with ours, and with Fuse. */
  firsts: { query: string; ours: string; fuse: string }[];
  /** Keystroke → results in the DOM and → the next frame in the popup page (null when it failed: see `popupError`). */
  popup: (PopupSearchResults & { dom: Percentiles; frame: Percentiles }) | null;
  popupError?: string;
}

/** The nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const percentiles = (values: readonly number[]): Percentiles => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
});

/** A record as plain Fuse.js gets it: a term's fields or a clipping's. */
type FuseRecord =
  | { kind: 'term'; name: string; aliases: string[]; definition: string }
  | { kind: 'clipping'; exact: string; note: string; title: string };

/** Plain Fuse.js as the design names it: names and aliases weighted high, the rest low, defaults otherwise. */
function plainFuse(records: readonly FuseRecord[]): Fuse<FuseRecord> {
  return new Fuse(records, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'aliases', weight: 3 },
      { name: 'definition', weight: 1 },
      { name: 'exact', weight: 1 },
      { name: 'note', weight: 1 },
      { name: 'title', weight: 1 },
    ],
  });
}

const describeRecord = (r: FuseRecord | undefined): string =>
  !r ? '(none)' : r.kind === 'term' ? r.name : `“${r.exact.slice(0, 40)}…”`;

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Runs the node comparison and the popup page bench. */
export async function runSearch(opts: SearchOptions): Promise<SearchBench> {
  const { pack, runs, log } = opts;
  const clippings: Clipping[] = generateClippings(pack.terms);
  const queries = searchQueries(pack.terms, clippings);
  const typed = queries.flatMap(keystrokes);

  const items: SearchTerm[] = pack.terms.map((term, i) => ({
    row: toTermRow(pack.id, term, i),
    pack: pack.name,
  }));
  const rows: ClippingRow[] = [...clippings].sort((a, b) => b.createdAt - a.createdAt);
  const oursBuild = timed(() => ({
    terms: { shelf: termShelf(items), items } satisfies Collection<SearchTerm>,
    clippings: { shelf: clippingShelf(rows), items: rows } satisfies Collection<ClippingRow>,
  }));
  const ours = oursBuild.value;
  const records: FuseRecord[] = [
    ...pack.terms.map((t) => ({
      kind: 'term' as const,
      name: t.term,
      aliases: (t.aliases ?? []).map((a) => a.text),
      definition: t.definition,
    })),
    ...clippings.map((c) => ({ kind: 'clipping' as const, exact: c.exact, note: c.note, title: c.title })),
  ];
  const fuseBuild = timed(() => plainFuse(records));
  const fuse = fuseBuild.value;
  log(
    `search: index built in ${oursBuild.ms.toFixed(0)} ms (Fuse ${fuseBuild.ms.toFixed(0)} ms); ${typed.length} keystrokes over ${queries.length} queries: ${queries.join(' | ')}`,
  );

  const search = (q: string) => searchCollections(ours.terms, ours.clippings, q, 20);
  // Warm-up: every keystroke of ours, one query of Fuse (a keystroke of Fuse takes a good part of a second).
  for (const q of typed) search(q);
  for (const q of keystrokes(queries[0] ?? '')) fuse.search(q, { limit: 20 });
  const oursMs: number[] = [];
  const fuseMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const q of typed) {
      oursMs.push(timed(() => search(q)).ms);
      fuseMs.push(timed(() => fuse.search(q, { limit: 20 })).ms);
    }
    log(
      `search run ${run + 1}: ours median ${median(oursMs.slice(-typed.length)).toFixed(2)} ms, Fuse median ${median(fuseMs.slice(-typed.length)).toFixed(1)} ms`,
    );
  }
  const firsts = queries.map((query) => {
    const [hit] = search(query);
    return {
      query,
      ours: !hit ? '(none)' : hit.kind === 'term' ? hit.term : `“${hit.exact.slice(0, 40)}…”`,
      fuse: describeRecord(fuse.search(query, { limit: 1 })[0]?.item),
    };
  });

  let popup: SearchBench['popup'] = null;
  let popupError: string | undefined;
  try {
    const result = await runPopupSearch({ packText: opts.packText, clippings, queries, runs, log });
    popup = { ...result, dom: percentiles(result.domMs), frame: percentiles(result.frameMs) };
  } catch (error) {
    popupError = error instanceof Error ? error.message : String(error);
    log(`popup search: harness error: ${popupError}`);
  }

  return {
    terms: pack.terms.length,
    clippings: clippings.length,
    queries,
    keystrokes: typed.length,
    runs,
    oursMs,
    fuseMs,
    ours: percentiles(oursMs),
    fuse: percentiles(fuseMs),
    buildMs: { ours: oursBuild.ms, fuse: fuseBuild.ms },
    vocabulary: ours.terms.shelf.vocabularySize + ours.clippings.shelf.vocabularySize,
    firsts,
    popup,
    ...(popupError ? { popupError } : {}),
  };
}
