import { AlipayMalformedResponseError } from '../errors/AlipayMalformedResponseError.js';
import { ERROR_RESPONSE_NODE, responseNodeName } from './responseNodeName.js';
import { type RawMember, scanTopLevel, stringValue } from './scanTopLevel.js';
import type { VerifiedResponse } from './VerifiedResponse.js';

/**
 * The parts of a raw response body that verification needs, already in the shape of the result
 * (`verified: false` until the signature checks): one object per response, never copied.
 */
export type ExtractedResponse = { -readonly [K in keyof VerifiedResponse]: VerifiedResponse[K] };

const malformed = (message: string, reason: AlipayMalformedResponseError['reason'], cause?: unknown) =>
  new AlipayMalformedResponseError(message, reason, { cause });

/** The member named `key`; two of them make "what was signed" ambiguous, so they are refused. */
function only(members: RawMember[], key: string): RawMember | undefined {
  let found: RawMember | undefined;
  for (const m of members) {
    if (m.key !== key) continue;
    if (found) throw malformed(`the response has "${key}" twice`, 'duplicate-node');
    found = m;
  }
  return found;
}

function optionalString(body: string, members: RawMember[], key: string): string | undefined {
  const member = only(members, key);
  if (!member || body.startsWith('null', member.valueStart)) return undefined;
  if (body.charCodeAt(member.valueStart) !== 34)
    throw malformed(`"${key}" is not a string`, 'unexpected-shape');
  return stringValue(body, member.valueStart, member.valueEnd);
}

/**
 * Cuts the response node for `method` (or `error_response`) out of the raw body, with `sign` and
 * `alipay_cert_sn`. The content is sliced from the raw text, never re-serialised. The scanner
 * checks the body's top-level structure; the node itself is parsed strictly with JSON.parse.
 */
export function extractResponse(body: string, method: string): ExtractedResponse {
  if (typeof body !== 'string') throw new TypeError('verifyResponse: rawBody must be the raw body text');
  let members: RawMember[];
  try {
    members = scanTopLevel(body);
  } catch (cause) {
    throw malformed('the response body is not a JSON object', 'not-json', cause);
  }
  const methodNode = responseNodeName(method);
  let nodeName = methodNode;
  let member = only(members, methodNode);
  if (!member) {
    nodeName = ERROR_RESPONSE_NODE;
    member = only(members, ERROR_RESPONSE_NODE);
  }
  if (!member)
    throw malformed(`the response has neither "${methodNode}" nor "${ERROR_RESPONSE_NODE}"`, 'node-missing');
  const content = body.slice(member.valueStart, member.valueEnd);
  let node: unknown;
  try {
    node = JSON.parse(content);
  } catch (cause) {
    throw malformed(`"${nodeName}" is not valid JSON`, 'not-json', cause);
  }
  if (typeof node !== 'string' && (typeof node !== 'object' || node === null || Array.isArray(node))) {
    throw malformed(`"${nodeName}" is neither an object nor an encrypted string`, 'unexpected-shape');
  }
  const sign = optionalString(body, members, 'sign');
  const alipayCertSn = optionalString(body, members, 'alipay_cert_sn');
  // Always the same keys, in the same order (undefined when absent): one hidden class on the hot path.
  return { verified: false, nodeName, content, node, sign: sign || undefined, alipayCertSn };
}
