import { describe, expect, it } from 'vitest';
import {
  firstDifference,
  gatewaySignStringFrom,
  hideCredentials,
} from '../src/response/compareSignStrings.js';

const client =
  'app_id=2021&biz_content={"template_id":"T1","user_id":"2088","out_biz_no":"a&b=c"}&charset=utf-8&format=JSON&method=alipay.marketing.voucher.send&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0';

describe('gatewaySignStringFrom', () => {
  it('cuts the string after the marker (full-width or ASCII colon) and unescapes &amp;', () => {
    expect(
      gatewaySignStringFrom(
        `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${client}`,
        client,
      ),
    ).toBe(client);
    expect(gatewaySignStringFrom(`网关生成的验签字符串为:${client.replaceAll('&', '&amp;')}`, client)).toBe(
      client,
    );
    expect(gatewaySignStringFrom('无效的AppID参数', client)).toBeUndefined();
    expect(gatewaySignStringFrom(undefined, client)).toBeUndefined();
  });
});

describe('firstDifference', () => {
  it.each([
    ['identical strings blame the key pair', client, /^none: .*private key does not match/],
    [
      'a charset written UTF-8',
      client.replace('charset=utf-8', 'charset=UTF-8'),
      /^charset mismatch: the gateway has "UTF-8", the client signed "utf-8"/,
    ],
    [
      'a parameter the gateway did not get',
      client.replace('&format=JSON', ''),
      /^parameter format is missing from the gateway's string/,
    ],
    [
      'a parameter the client did not sign',
      client.replace('&version', '&app_auth_token=secret-token&version'),
      /^parameter app_auth_token is in the gateway's string/,
    ],
    ['a value that differs', client.replace('03:04:05', '03:04:06'), /^timestamp differs at character 18/],
    ['an & inside biz_content is not a boundary', client.replace('a&b=c', 'a&b=d'), /^biz_content differs/],
  ])('%s', (_name, gateway, want) => {
    expect(firstDifference(gateway, client)).toMatch(want);
  });

  it('never shows an app_auth_token value', () => {
    const c = `${client}&app_auth_token=tokenA`;
    const g = `${client}&app_auth_token=tokenB`;
    const diff = firstDifference(g, c);
    expect(diff).toBe('app_auth_token differs (value hidden)');
  });
});

describe('hideCredentials', () => {
  const withToken = client.replace('app_id=2021', 'app_auth_token=201812BB_secret-Token.x&app_id=2021');
  it('hides the token in a sign string, and nothing else', () => {
    expect(hideCredentials(withToken)).toBe(
      client.replace('app_id=2021', 'app_auth_token=[hidden]&app_id=2021'),
    );
    expect(hideCredentials(client)).toBe(client);
  });
  it('hides it in a sub_msg quoting the string with &amp;, and as the last parameter', () => {
    const subMsg = `网关生成的验签字符串为：${withToken.replaceAll('&', '&amp;')}`;
    expect(hideCredentials(subMsg)).not.toContain('secret-Token');
    expect(hideCredentials(subMsg)).toContain('app_auth_token=[hidden]&amp;app_id=2021');
    expect(hideCredentials(`version=1.0&auth_token=user-secret`)).toBe('version=1.0&auth_token=[hidden]');
  });
});

describe('hideCredentials, whatever surrounds the token', () => {
  it.each([
    ['a line break after it', 'tok-secret\n'],
    ['CRLF around it', '\r\ntok-secret\r\n'],
    ['a line break inside', 'tok\nsecret'],
  ])('hides a token value with %s', (_name, token) => {
    const signed = client.replace('app_id=2021', `app_auth_token=${token}&app_id=2021`);
    const subMsg = `网关生成的验签字符串为：${signed.replaceAll('&', '&amp;')}`;
    for (const text of [signed, subMsg]) {
      const hidden = hideCredentials(text);
      expect(hidden).not.toContain('secret');
      expect(hidden).toContain('app_id=2021');
    }
  });

  it("hides a known token by value, '&' and '=' inside included, wherever it is quoted", () => {
    const token = 'tok&app_id=9=secret';
    const signed = client.replace('app_id=2021', `app_auth_token=${token}&app_id=2021`);
    const subMsg = `网关生成的验签字符串为：${signed.replaceAll('&', '&amp;')}; again ${encodeURIComponent(token)}`;
    for (const text of [signed, subMsg]) {
      const hidden = hideCredentials(text, [token]);
      expect(hidden).not.toContain('secret');
      expect(hidden).toContain('app_id=2021');
    }
  });
});
