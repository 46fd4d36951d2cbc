/** The peer: mark.js 8 highlighting the same terms on the same page, in a browser without Termlight. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { surfaceForms } from '../../src/shared/glossary/alias-rules';
import type { Term } from '../../src/shared/glossary/model';

const MARK_JS = resolve(import.meta.dirname, '../../node_modules/mark.js/dist/mark.min.js');
const CJK = /[\u3400-\u9fff]/;

/** mark.js keywords with the options that match Termlight's rules for them. */
export interface KeywordGroup {
  keywords: string[];
  caseSensitive: boolean;
  /** `exactly` needs a word boundary on both sides; CJK text has none, so CJK forms go `partially`. */
  accuracy: 'exactly' | 'partially';
}

/**
 * Every surface form of `terms`, grouped so one mark.js option set fits each group: case-sensitive
 * (acronyms), case-insensitive, and CJK.
 */
export function keywordGroups(terms: readonly Term[]): KeywordGroup[] {
  const groups = new Map<string, KeywordGroup>();
  for (const term of terms) {
    for (const form of surfaceForms(term)) {
      const cjk = CJK.test(form.text);
      const caseSensitive = cjk || form.caseSensitive;
      const key = `${cjk}/${caseSensitive}`;
      let group = groups.get(key);
      if (!group) {
        group = { keywords: [], caseSensitive, accuracy: cjk ? 'partially' : 'exactly' };
        groups.set(key, group);
      }
      group.keywords.push(form.text);
    }
  }
  for (const group of groups.values()) group.keywords = [...new Set(group.keywords)];
  return [...groups.values()];
}

export interface MarkResult {
  ms: number;
  timedOut: boolean;
  /** Keywords processed before the result (all of them unless timed out). */
  keywordsDone: number;
  keywordsTotal: number;
  marks: number;
  error?: string;
}

/**
 * Injects mark.js into the loaded `page` and marks every group, timed with performance.now().
 * mark.js recurses once per keyword (a stack overflow past ~1000), so keywords go in batches of
 * `batch`; its cost is per keyword (one pass over the DOM each), so batching does not change it.
 * Stops between batches once `timeoutMs` has passed.
 */
export async function runMarkJs(
  page: Page,
  groups: KeywordGroup[],
  timeoutMs: number,
  batch = 10,
): Promise<MarkResult> {
  await page.addScriptTag({ content: readFileSync(MARK_JS, 'utf8') });
  return page.evaluate(
    async (groups: KeywordGroup[], timeoutMs: number, batch: number) => {
      type MarkOptions = Record<string, unknown> & { done: () => void };
      type MarkCtor = new (ctx: Element) => { mark(keywords: string[], options: MarkOptions): void };
      const Mark = (window as unknown as { Mark: MarkCtor }).Mark;
      // No named helpers in here: tsx's keepNames would reference a __name the page does not have.
      const total = groups.reduce((n, g) => n + g.keywords.length, 0);
      let done = 0;
      let timedOut = false;
      let error: string | undefined;
      const t0 = performance.now();
      try {
        const instance = new Mark(document.body);
        for (const group of groups) {
          for (let i = 0; i < group.keywords.length && !timedOut; i += batch) {
            if (performance.now() - t0 > timeoutMs) {
              timedOut = true;
              break;
            }
            const keywords = group.keywords.slice(i, i + batch);
            await new Promise<void>((resolve) => {
              instance.mark(keywords, {
                separateWordSearch: false,
                accuracy: group.accuracy,
                caseSensitive: group.caseSensitive,
                diacritics: false,
                acrossElements: false,
                done: resolve,
              });
            });
            done += keywords.length;
          }
        }
      } catch (caught) {
        error = String(caught);
      }
      return {
        ms: performance.now() - t0,
        timedOut,
        keywordsDone: done,
        keywordsTotal: total,
        marks: document.querySelectorAll('mark').length,
        ...(error ? { error } : {}),
      };
    },
    groups,
    timeoutMs,
    batch,
  );
}
