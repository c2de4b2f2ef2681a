// Sums vitest JSON reports into the one line CI reads: `N passed, N failed, N skipped`.
// A missing report (the suite crashed before writing it) counts as a failure. An argument `check:NAME=STATUS` is one
// more check that is not a vitest suite (lint, conformance, a benchmark smoke run): exit status 0 passes, else fails.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const check = /^check:(.+)=(\d+)$/.exec(file);
  if (check) {
    if (check[2] === '0') passed += 1;
    else {
      console.error(`${check[1]}: failed (exit status ${check[2]})`);
      failed += 1;
    }
    continue;
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    if (!report.success && report.numFailedTests === 0) failed += 1; // a suite that failed to load
  } catch {
    console.error(`${file}: no test report (the suite did not run)`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
