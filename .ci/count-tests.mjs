// Sums every vitest JSON report into the closing line CI reads: "N passed, N failed".
// Exits non-zero when a test failed, a suite failed to load, or no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let suitesFailed = 0;
const reports = [];
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const file = join(group, name, '.vitest', 'report.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    reports.push(file);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    suitesFailed += report.numFailedTestSuites ?? 0;
  }
}
console.log(`reports: ${reports.join(' ') || 'none'}`);
if (suitesFailed > 0) console.log(`${suitesFailed} test file(s) failed to run`);
console.log(`${passed} passed, ${failed + suitesFailed} failed`);
process.exit(failed > 0 || suitesFailed > 0 || passed === 0 ? 1 : 0);
