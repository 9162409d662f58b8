import { createHash } from 'node:crypto';
import type { Identity } from './recipients';

/**
 * The out_biz_no of one recipient in one campaign: a pure function of both, so a rerun (after a crash,
 * or by someone who runs the campaign twice) sends the same key and Alipay answers with the first voucher.
 * 3 + 40 characters, well inside the spec's 64.
 */
export function outBizNo(campaign: string, templateId: string, identity: Identity): string {
  const digest = createHash('sha256')
    .update(`${campaign}\n${templateId}\n${identity.field}:${identity.value}`)
    .digest('hex');
  return `vc_${digest.slice(0, 40)}`;
}
