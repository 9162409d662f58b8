import { AlipaySdk } from 'alipay-sdk';

/** A configured official SDK (4.14.0), the oracle of the differential tests. */
export function officialSdk(privateKey: string, signType: 'RSA2' | 'RSA', pkcs8: boolean): AlipaySdk {
  return new AlipaySdk({
    appId: '2021000000000000',
    privateKey,
    signType,
    ...(pkcs8 ? { keyType: 'PKCS8' } : {}),
  });
}

/**
 * The SDK's signature for `method` and extra params: read from `sdkExecute`'s output (its public
 * API, which calls its internal `sign()`), with biz_content keys left as given.
 */
export function sdkSignature(sdk: AlipaySdk, method: string, params: Record<string, unknown>): string {
  const query = sdk.sdkExecute(method, params as never, { bizContentAutoSnakeCase: false });
  const sign = new URLSearchParams(query).get('sign');
  if (!sign) throw new Error('sdkExecute returned no sign');
  return sign;
}
