// Prints the closing lines of the gate from vitest's JSON reports of both suites: the tests, and how
// many of them check a table of data items and how many items (each such test records its count
// as meta.dataItems: see test/unit/support/data-table.ts).
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let tables = 0;
let dataItems = 0;
for (const file of ['.tmp/unit-results.json', '.tmp/e2e-results.json']) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  for (const result of report.testResults) {
    for (const test of result.assertionResults) {
      const items = test.meta?.dataItems ?? 0;
      if (items > 0) {
        tables++;
        dataItems += items;
      }
    }
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
console.log(`data tables: ${tables} of the tests list ${dataItems} data items`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
