import type { ReplayProgress } from '../replay/flow-replay';

export interface ProgressSink {
  report(progress: ReplayProgress): void;
  done(progress: { read: number; used: number }): void;
}

/**
 * On a terminal: one bar redrawn in place (events/s, ETA). In CI or a pipe (no TTY, or CI set): a plain
 * line at most every `plainEveryMs`, so logs stay readable. Always on stderr: stdout may carry the result.
 */
export function progressSink(stream: NodeJS.WriteStream, options: { tty: boolean; now?: () => number; plainEveryMs?: number }): ProgressSink {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let lastPlain = -Infinity;
  const line = (p: { read: number; used: number; fraction: number }) => {
    const seconds = Math.max(0.001, (now() - started) / 1000);
    const rate = p.read / seconds;
    const eta = p.fraction > 0 ? (seconds * (1 - p.fraction)) / p.fraction : NaN;
    return { rate, eta, seconds };
  };
  return {
    report(p) {
      const { rate, eta } = line(p);
      if (options.tty) {
        const width = 30;
        const filled = Math.round(p.fraction * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(p.fraction * 100).toFixed(1).padStart(5)} %  ${fmt(p.read)} Ereignisse  ${fmt(rate)}/s  ETA ${duration(eta)}   `);
        return;
      }
      if (now() - lastPlain < (options.plainEveryMs ?? 2000)) return;
      lastPlain = now();
      stream.write(`replay ${(p.fraction * 100).toFixed(1)} % read=${p.read} used=${p.used} rate=${Math.round(rate)}/s eta=${duration(eta)}\n`);
    },
    done(p) {
      const { rate, seconds } = line({ ...p, fraction: 1 });
      stream.write(`${options.tty ? '\n' : ''}replay done: ${p.read} events read, ${p.used} used, ${seconds.toFixed(1)} s, ${Math.round(rate)}/s\n`);
    },
  };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('de-DE');
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
