import type { Output } from './main';
import type { Progress } from './runCampaign';

/**
 * A progress bar redrawn in place on a TTY; elsewhere (CI logs, pipes) a plain line at most once a
 * second. Writes to stderr so stdout stays clean for --json.
 */
export function createProgressReporter(stream: Output) {
  const started = performance.now();
  let lastLine = Number.NEGATIVE_INFINITY; // the first line is always written
  // This run's sends only: a resumed campaign's recipients done earlier cost no time now.
  const rate = (sent: number) => sent / Math.max((performance.now() - started) / 1000, 0.001);
  return {
    update(p: Progress): void {
      const perSecond = rate(p.sent).toFixed(0);
      if (stream.isTTY) {
        const width = 30;
        const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        stream.write(
          `\r${bar} ${p.done}/${p.total}  issued ${p.issued}  failed ${p.failed}  ${perSecond}/s `,
        );
        return;
      }
      const now = performance.now();
      if (now - lastLine < 1000 && p.done !== p.total) return;
      lastLine = now;
      stream.write(
        `progress ${p.done}/${p.total} issued=${p.issued} failed=${p.failed} rate=${perSecond}/s\n`,
      );
    },
    finish(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
