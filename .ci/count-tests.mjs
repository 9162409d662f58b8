// Sums every vitest JSON report into the closing line CI reads: "N passed, N failed".
// Exits non-zero when a test failed, a test file failed to load, a package's report is missing, or
// no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let filesFailed = 0;
const reports = [];
const missing = [];
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const pkg = join(group, name, 'package.json');
    if (!existsSync(pkg)) continue;
    const file = join(group, name, '.vitest', 'report.json');
    if (!existsSync(file)) {
      // Every workspace package with a test script must have reported: a missing report is a failure.
      if (JSON.parse(readFileSync(pkg, 'utf8')).scripts?.test) missing.push(join(group, name));
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    reports.push(file);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // numFailedTestSuites counts describe blocks too; a file that failed with no failed test did not load.
    filesFailed += report.testResults.filter(
      (t) => t.status === 'failed' && !t.assertionResults.some((a) => a.status === 'failed'),
    ).length;
  }
}
console.log(`reports: ${reports.join(' ') || 'none'}`);
if (missing.length > 0) console.log(`no test report from: ${missing.join(' ')}`);
if (filesFailed > 0) console.log(`${filesFailed} test file(s) failed to run`);
console.log(`${passed} passed, ${failed + filesFailed + missing.length} failed`);
process.exit(failed > 0 || filesFailed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
