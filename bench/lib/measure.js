/** Timing and summary helpers shared by the bench cases. */

/** Wall-clock and process CPU time of fn(), in milliseconds. */
export function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function peakRssMB() {
  return process.resourceUsage().maxRSS / 1024;
}

/** Free the previous repetition's arrays before the next one (children run with --expose-gc). */
export function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}
