/**
 * Signs the spec's example answers with the published demo Alipay key (components/examples).
 *   tsx scripts/signExamples.ts           rewrite the spec when an example is stale
 *   tsx scripts/signExamples.ts --check   write nothing; exit 1 when an example differs from a fresh signing
 */
import { writeFile } from 'node:fs/promises';
import { readSpecText, SPEC_PATH, signedSpecText } from '../src/signedExamples';

const current = await readSpecText();
const fresh = await signedSpecText(current);
if (fresh === current) {
  console.log('up to date: spec example signatures');
} else if (process.argv.includes('--check')) {
  console.error('The spec example answers are not signed as a fresh signing signs them.');
  console.error('Run `pnpm --filter @aopkit/spec-checks sign:examples` and commit the spec.');
  process.exitCode = 1;
} else {
  await writeFile(SPEC_PATH, fresh);
  console.log('signed: spec/alipay.marketing.voucher.send.yaml examples');
}
