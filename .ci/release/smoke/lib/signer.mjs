// @aopkit/signer on its own: canonical string, RSA2 signature, response verification, tamper check.
import {
  canonicalString,
  check,
  generateRsaPair,
  METHOD,
  RESPONSE_NODE,
  verifyRsa2,
  voucherParams,
} from './rsa.mjs';

/** Runs once per crypto choice; `auto` must pick node:crypto on Node-like runtimes, WebCrypto elsewhere. */
export async function signerScenario(signer, { cryptoChoices = ['auto', 'web'] } = {}) {
  const used = [];
  for (const crypto of cryptoChoices) used.push(`${crypto}→${await signOnce(signer, crypto)}`);
  return `signer ok (crypto ${used.join(', ')})`;
}

async function signOnce(signer, crypto) {
  const app = await generateRsaPair();
  const alipay = await generateRsaPair();
  check(
    signer.formatTimestamp(new Date(Date.UTC(2024, 5, 1, 0, 0, 0))) === '2024-06-01 08:00:00',
    'formatTimestamp is Beijing time',
  );

  const params = {
    ...voucherParams('2021000000000001', {
      template_id: 'T1',
      out_biz_no: 'smoke-1',
      user_id: '2088102122524333',
    }),
    empty: '',
  };
  check(
    signer.canonicalize(params) === canonicalString(params),
    'canonicalize matches the hand-written canonical string',
  );
  const appSigner = signer.createSigner({ privateKey: app.privatePem, crypto });
  const sign = await appSigner.sign(params);
  check(
    await verifyRsa2(app.publicPem, canonicalString(params), sign),
    'the signature verifies with WebCrypto',
  );

  const node = JSON.stringify({
    code: '10000',
    msg: 'Success',
    voucher_id: '2024060100000001',
    user_id: '2088102122524333',
  });
  const alipaySigner = signer.createSigner({ privateKey: alipay.privatePem, crypto });
  const body = `{"${RESPONSE_NODE}":${node},"sign":"${await alipaySigner.signString(node)}"}`;
  const verifier = signer.createVerifier({ alipayPublicKey: alipay.publicPem, crypto });
  const result = await verifier.verifyResponse(body, METHOD);
  check(
    result.verified === true && result.node.voucher_id === '2024060100000001',
    'verifyResponse accepts a signed success',
  );

  let error;
  try {
    await verifier.verifyResponse(body.replace('2024060100000001', '2024060100000002'), METHOD);
  } catch (e) {
    error = e;
  }
  check(
    error?.name === 'AlipaySignatureVerificationError',
    `a tampered body is rejected (got ${error?.name})`,
  );
  return describeProvider(appSigner.provider);
}

function describeProvider(provider) {
  return typeof provider === 'string'
    ? provider
    : (provider?.name ?? provider?.kind ?? JSON.stringify(provider));
}
