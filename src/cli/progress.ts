/**
 * Sweep progress on stderr: a bar with runs done/total, runs/s and ETA on a terminal; a plain
 * line every few seconds otherwise (logs, CI, Slurm); nothing with --quiet.
 */
import cliProgress from 'cli-progress';
import type { SweepProgress } from '../sweep/index.js';

export interface ProgressDisplay {
  update(progress: SweepProgress): void;
  stop(): void;
}

/** Seconds between plain lines off a terminal (CONCENTRIC_PROGRESS_SECONDS overrides; tests use it). */
function plainInterval(): number {
  const seconds = Number(process.env.CONCENTRIC_PROGRESS_SECONDS);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 5000;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

export function createProgress(options: { readonly quiet?: boolean; readonly label: string }): ProgressDisplay {
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  const started = performance.now();
  let first: SweepProgress | undefined;
  const rate = (progress: SweepProgress): number => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? (progress.done - progress.resumed) / seconds : 0;
  };

  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${options.label} {bar} {value}/{total} runs | {rate} runs/s | ETA {eta}{failures}`,
        hideCursor: true,
        clearOnComplete: false,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    const payload = (progress: SweepProgress) => {
      const perSecond = rate(progress);
      return {
        rate: perSecond.toFixed(0),
        eta: perSecond > 0 ? formatDuration((progress.total - progress.done) / perSecond) : '—',
        failures: progress.failed > 0 ? ` | ${progress.failed} failed` : '',
      };
    };
    return {
      update(progress) {
        if (!first) {
          first = progress;
          bar.start(progress.total, progress.done, payload(progress));
        } else {
          bar.update(progress.done, payload(progress));
        }
      },
      stop() {
        if (first) bar.stop();
      },
    };
  }

  const interval = plainInterval();
  let lastPrinted = performance.now();
  return {
    update(progress) {
      first ??= progress;
      const now = performance.now();
      if (now - lastPrinted < interval || progress.done === progress.total) return;
      lastPrinted = now;
      const perSecond = rate(progress);
      const eta = perSecond > 0 ? formatDuration((progress.total - progress.done) / perSecond) : '—';
      const percent = progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 100;
      const failures = progress.failed > 0 ? `, ${progress.failed} failed` : '';
      process.stderr.write(
        `${options.label}: ${progress.done}/${progress.total} runs (${percent} %), ${perSecond.toFixed(0)} runs/s, ETA ${eta}${failures}\n`,
      );
    },
    stop() {},
  };
}
