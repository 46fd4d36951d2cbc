// How much each bundle may weigh; scripts/build.mjs fails a minified build that goes over.

/** The most a bundle may weigh minified, in bytes (DESIGN.md: the content script within 60 KB). */
export const BUNDLE_BUDGETS = { 'content.js': 60 * 1024 };

/** The bundles heavier than their budget, one message each, from esbuild's `metafile.outputs`. */
export function overBudget(outputs, budgets) {
  return Object.entries(outputs).flatMap(([file, { bytes }]) => {
    const name = file.split('/').pop();
    const budget = budgets[name];
    if (budget === undefined || bytes <= budget) return [];
    return [
      `${name} is ${(bytes / 1024).toFixed(1)} KB, over its budget of ${(budget / 1024).toFixed(1)} KB`,
    ];
  });
}
