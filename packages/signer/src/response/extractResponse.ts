import { AlipayMalformedResponseError } from '../errors/AlipayMalformedResponseError.js';
import { SignerOptionError } from '../errors/SignerOptionError.js';
import { excerpt } from '../input/shown.js';
import { ERROR_RESPONSE_NODE, responseNodeName } from './responseNodeName.js';
import { scanTopLevel, stringValue, type TopLevelMembers } from './scanTopLevel.js';
import type { VerifiedResponse } from './VerifiedResponse.js';

/**
 * The parts of a raw response body that verification needs, already in the shape of the result
 * (`verified: false` until the signature checks): one object per response, never copied.
 */
export type ExtractedResponse = { -readonly [K in keyof VerifiedResponse]: VerifiedResponse[K] };

const malformed = (message: string, reason: AlipayMalformedResponseError['reason'], cause?: unknown) =>
  new AlipayMalformedResponseError(message, reason, { cause });

function scan(body: string, nodeName: string): TopLevelMembers {
  try {
    return scanTopLevel(body, nodeName);
  } catch (cause) {
    throw malformed('the response body is not a JSON object', 'not-json', cause);
  }
}

/** Whether the member came (once); two of them make "what was signed" ambiguous, so they are refused. */
function once(count: number, key: string): boolean {
  if (count > 1) throw malformed(`the response has "${key}" twice`, 'duplicate-node');
  return count === 1;
}

function optionalString(body: string, start: number, end: number, count: number, key: string) {
  if (!once(count, key) || body.charCodeAt(start) === 110) return undefined; // n: null (checked by the scanner)
  if (body.charCodeAt(start) !== 34) throw malformed(`"${key}" is not a string`, 'unexpected-shape');
  try {
    return stringValue(body, start, end);
  } catch (cause) {
    throw malformed(`"${key}" is not a valid JSON string`, 'not-json', cause); // a bad escape
  }
}

/**
 * Cuts the response node for `method` (or `error_response`) out of the raw body, with `sign` and
 * `alipay_cert_sn`. The content is sliced from the raw text, never re-serialised. The scanner
 * checks the body's top-level structure; the node itself is parsed strictly with JSON.parse.
 */
export function extractResponse(body: string, method: string): ExtractedResponse {
  if (typeof body !== 'string') {
    throw new SignerOptionError(
      `verifyResponse: rawBody must be the raw body text, a string (got ${typeof body})`,
      {
        field: 'rawBody',
        rule: 'type',
      },
    );
  }
  let nodeName = responseNodeName(method);
  let found = scan(body, nodeName);
  if (!once(found.nodeCount, nodeName)) {
    // Gateway-level failures come under error_response instead (rarer: scanned again for it).
    const methodNode = nodeName;
    nodeName = ERROR_RESPONSE_NODE;
    found = scan(body, nodeName);
    if (!once(found.nodeCount, nodeName))
      throw malformed(
        `the response has neither ${excerpt(methodNode)} nor ${excerpt(nodeName)}`,
        'node-missing',
      );
  }
  const content = body.slice(found.nodeStart, found.nodeEnd);
  let node: unknown = found.node; // parsed already when the scanner used it to find the node's end
  if (node === undefined) {
    try {
      node = JSON.parse(content);
    } catch (cause) {
      throw malformed(`${excerpt(nodeName)} is not valid JSON`, 'not-json', cause);
    }
  }
  if (typeof node !== 'string' && (typeof node !== 'object' || node === null || Array.isArray(node))) {
    throw malformed(`${excerpt(nodeName)} is neither an object nor an encrypted string`, 'unexpected-shape');
  }
  const sign = optionalString(body, found.signStart, found.signEnd, found.signCount, 'sign');
  const alipayCertSn = optionalString(
    body,
    found.certSnStart,
    found.certSnEnd,
    found.certSnCount,
    'alipay_cert_sn',
  );
  // Always the same keys, in the same order (undefined when absent): one hidden class on the hot path.
  return { verified: false, nodeName, content, node, sign: sign || undefined, alipayCertSn };
}
