/**
 * Tables of data items checked by one test: the test lists what fails (`expect(failing).toEqual([])`)
 * so that one behaviour is one test however many items show it, and every failure shows at once.
 */
import { getCurrentTest } from 'vitest/suite';

declare module 'vitest' {
  interface TaskMeta {
    /** How many data items the test checks (the rows of its tables); read by scripts/test-summary.mjs. */
    dataItems?: number;
  }
}

/**
 * The items of `items` that `check` rejects, each as `label(item)` and, when there is one, its
 * reason. `check` returns false or a reason (a string) for a bad item, anything else for a good one;
 * an `expect` that throws in it makes the item fail with the assertion's first line as its reason.
 * Records the number of items in the running test's meta.
 */
export function failingItems<T>(
  items: readonly T[],
  check: (item: T) => unknown,
  label: (item: T) => string = (item) => (typeof item === 'string' ? item : JSON.stringify(item)),
): string[] {
  const test = getCurrentTest();
  if (!test) throw new Error('failingItems runs inside a test');
  test.meta.dataItems = (test.meta.dataItems ?? 0) + items.length;
  const failing: string[] = [];
  for (const item of items) {
    let verdict: unknown;
    try {
      verdict = check(item);
    } catch (error) {
      verdict = firstLine(error);
    }
    if (verdict !== false && typeof verdict !== 'string') continue;
    failing.push(verdict === false ? label(item) : `${label(item)}: ${verdict}`);
  }
  return failing;
}

/** {@link failingItems} for an asynchronous check; the items are checked one after another. */
export async function failingItemsAsync<T>(
  items: readonly T[],
  check: (item: T) => Promise<unknown>,
  label: (item: T) => string = (item) => (typeof item === 'string' ? item : JSON.stringify(item)),
): Promise<string[]> {
  const verdicts = new Map<T, unknown>();
  for (const item of items) {
    try {
      verdicts.set(item, await check(item));
    } catch (error) {
      verdicts.set(item, firstLine(error));
    }
  }
  return failingItems(items, (item) => verdicts.get(item), label);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
