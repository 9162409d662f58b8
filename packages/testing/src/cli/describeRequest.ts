import { canonicalize, formatTimestamp } from '@aopkit/signer';
import type { RequestLogEntry } from '../FakeGatewayCore.js';
import { parseBeijingTimestamp, TIMESTAMP_WINDOW_MS } from '../pipeline/checkCommonParams.js';

/** What the CLI prints about one request; `detail` only for answers a user cannot act on without it. */
export interface RequestReport {
  seq: number;
  app_id?: string;
  code?: string;
  msg?: string;
  sub_code?: string;
  fault?: string;
  scripted: boolean;
  voucher_id?: string;
  durationMs: number;
  /** isv.invalid-signature: the string the fake verified the signature over (tokens `[redacted]`). */
  verifiedString?: string;
  signType?: string;
  charset?: string;
  /** isv.invalid-timestamp: the request's timestamp against the fake's clock, both Beijing time. */
  timestamp?: { request: string; gatewayClock: string; offsetMs?: number; windowMs: number };
}

/** `12h45m13s`, `3m0s`, `42s`: an offset a reader takes in at a glance. */
function duration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (h > 0) return `${h}h${m}m${s}s`;
  return m > 0 ? `${m}m${s}s` : `${s}s`;
}

/** The facts of one log entry the CLI prints; never a key or a token (the entry has them redacted). */
export function reportOf(entry: RequestLogEntry): RequestReport {
  const verdict = entry.verdict;
  const report: RequestReport = {
    seq: entry.seq,
    ...(entry.app_id === undefined ? {} : { app_id: entry.app_id }),
    ...(verdict ? { code: verdict.code, msg: verdict.msg } : {}),
    ...(verdict?.sub_code === undefined ? {} : { sub_code: verdict.sub_code }),
    ...(entry.fault === undefined ? {} : { fault: entry.fault }),
    scripted: entry.scripted,
    ...(entry.voucher_id === undefined ? {} : { voucher_id: entry.voucher_id }),
    durationMs: Math.round((entry.durationMs ?? 0) * 10) / 10,
  };
  if (verdict?.sub_code === 'isv.invalid-signature') {
    // The pipeline verified canonicalize(params); the log's params are the same, tokens redacted.
    report.verifiedString = canonicalize(entry.params);
    report.signType = entry.params.sign_type ?? '';
    report.charset = entry.charset;
  }
  if (verdict?.sub_code === 'isv.invalid-timestamp') {
    const request = entry.params.timestamp ?? '';
    const at = parseBeijingTimestamp(request);
    report.timestamp = {
      request,
      gatewayClock: formatTimestamp(entry.receivedAt),
      ...(at === undefined ? {} : { offsetMs: at - entry.receivedAt.getTime() }),
      windowMs: TIMESTAMP_WINDOW_MS,
    };
  }
  return report;
}

/** The report as text: one line, plus an indented one for a signature or timestamp failure. */
export function formatReport(report: RequestReport): string {
  const what = report.code ? [report.code, report.sub_code ?? report.msg].join(' ') : 'connection dropped';
  const line = [
    `#${report.seq}`,
    report.app_id ?? '-',
    what,
    report.fault && `fault=${report.fault}`,
    report.voucher_id && `voucher_id=${report.voucher_id}`,
    `${report.durationMs.toFixed(1)}ms`,
  ]
    .filter(Boolean)
    .join(' ');
  const details: string[] = [];
  if (report.verifiedString !== undefined) {
    details.push(
      `    the fake verified this string (sign_type ${report.signType || '-'}, ${report.charset}):`,
      `    ${report.verifiedString}`,
    );
  }
  const ts = report.timestamp;
  if (ts) {
    const window = `±${ts.windowMs / 60_000} min`;
    details.push(
      ts.offsetMs === undefined
        ? `    timestamp ${JSON.stringify(ts.request)} is not yyyy-MM-dd HH:mm:ss; the fake's clock: ${ts.gatewayClock} (Beijing)`
        : `    timestamp ${ts.request} vs the fake's clock ${ts.gatewayClock} (both Beijing): ${duration(ts.offsetMs)} ${ts.offsetMs < 0 ? 'behind' : 'ahead'}, outside ${window}`,
    );
  }
  return [line, ...details].join('\n');
}
