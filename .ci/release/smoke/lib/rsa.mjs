// Independent oracle for the smoke tests: RSA2 (SHA256withRSA) with WebCrypto only, the canonical
// string written out by hand, and the response node cut from the raw text. Runs on every runtime.
export const METHOD = 'alipay.marketing.voucher.send';
export const RESPONSE_NODE = 'alipay_marketing_voucher_send_response';
const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

export function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
}

const toB64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromB64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const pemBody = (pem) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const pem = (label, der) =>
  `-----BEGIN ${label}-----\n${toB64(der)
    .match(/.{1,64}/g)
    .join('\n')}\n-----END ${label}-----\n`;

/** A fresh RSA-2048 pair as PEM: PKCS#8 private, SPKI public. */
export async function generateRsaPair() {
  const pair = await crypto.subtle.generateKey(
    { ...ALG, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  return {
    privatePem: pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
    publicPem: pem('PUBLIC KEY', await crypto.subtle.exportKey('spki', pair.publicKey)),
  };
}

export async function signRsa2(privatePem, text) {
  const key = await crypto.subtle.importKey('pkcs8', fromB64(pemBody(privatePem)), ALG, false, ['sign']);
  return toB64(await crypto.subtle.sign(ALG, key, new TextEncoder().encode(text)));
}

export async function verifyRsa2(publicPem, text, signature) {
  const key = await crypto.subtle.importKey('spki', fromB64(pemBody(publicPem)), ALG, false, ['verify']);
  return crypto.subtle.verify(ALG, key, fromB64(signature), new TextEncoder().encode(text));
}

/** Alipay's signed string: no `sign`, no empty values, keys sorted, raw `k=v` joined with `&`. */
export function canonicalString(params) {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== null && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8). */
export function beijingTimestamp(date = new Date()) {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The exact text of `"<nodeName>": {...}` in a raw body (string-aware brace matching) and `sign`. */
export function cutResponse(raw, nodeName) {
  const key = raw.indexOf(`"${nodeName}"`);
  check(key >= 0, `${nodeName} in ${raw.slice(0, 200)}`);
  const start = raw.indexOf('{', key);
  let depth = 0;
  let inString = false;
  for (let i = start; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0)
      return { content: raw.slice(start, i + 1), sign: JSON.parse(raw).sign };
  }
  throw new Error(`unterminated ${nodeName}`);
}

/** The request a merchant sends, before signing. */
export function voucherParams(appId, biz) {
  return {
    app_id: appId,
    method: METHOD,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: beijingTimestamp(),
    version: '1.0',
    biz_content: JSON.stringify(biz),
  };
}

export function postForm(url, params) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params),
  });
}
