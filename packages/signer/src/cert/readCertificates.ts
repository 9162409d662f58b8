import { DerError } from '../der/readDer.js';
import { base64Decode } from '../encoding/base64.js';
import { AlipayCertificateError } from '../errors/AlipayCertificateError.js';
import { type ParsedCertificate, parseCertificate } from './parseCertificate.js';

const PEM_CERT_RE = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

function parseOne(base64: string, what: string, index: number): ParsedCertificate {
  const der = base64Decode(base64.replace(/\s+/g, ''));
  const where = index === 0 ? what : `${what} (certificate #${index + 1})`;
  if (!der) throw new AlipayCertificateError(`${where} is not valid base64`);
  try {
    return parseCertificate(der);
  } catch (cause) {
    if (cause instanceof DerError)
      throw new AlipayCertificateError(`${where} is not an X.509 certificate`, { cause });
    throw cause;
  }
}

/**
 * Reads every certificate in `text`, in file order: PEM blocks, or a single bare base64 DER
 * certificate when there is no PEM armour.
 */
export function readCertificates(text: unknown, what: string): ParsedCertificate[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new AlipayCertificateError(`${what} must be a non-empty string (PEM certificate text)`);
  }
  const blocks = [...text.matchAll(PEM_CERT_RE)].map((m) => m[1] ?? '');
  if (blocks.length === 0) return [parseOne(text, what, 0)];
  return blocks.map((block, i) => parseOne(block, what, i));
}
