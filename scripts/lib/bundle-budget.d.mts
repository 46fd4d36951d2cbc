/** The most a bundle may weigh minified, in bytes, by file name. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number>>;

/** The bundles heavier than their budget, one message each, from esbuild's `metafile.outputs`. */
export function overBudget(
  outputs: Readonly<Record<string, { bytes: number }>>,
  budgets: Readonly<Record<string, number>>,
): string[];
