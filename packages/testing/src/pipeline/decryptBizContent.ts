import { aesDecrypt, type Charset } from '@aopkit/signer';
import { parseBizJson } from './checkBizContent.js';

/**
 * An `encrypt_type=AES` request's biz_content, decrypted with the app's key (PROTOCOL §10:
 * AES-128-CBC, zero IV, PKCS#7, base64); undefined when it is not base64 of whole blocks, the
 * padding does not check out, or the text is not JSON. A wrong key whose padding happens to check
 * out yields bytes that are not JSON, so every way of failing is the same to the gateway.
 */
export async function decryptBizContent(
  ciphertext: string,
  encryptKey: string,
  charset: Charset,
): Promise<string | undefined> {
  try {
    // Read in the request's charset, as Java does (`new String(bytes, charset)`).
    const text = await aesDecrypt(ciphertext, encryptKey, { charset });
    parseBizJson(text);
    return text;
  } catch {
    return undefined;
  }
}
