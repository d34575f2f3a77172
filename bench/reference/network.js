/**
 * Erdős–Rényi graph in CSR form for the bench's own Bass implementations: round(n·k/2) random
 * pairs, self-loops dropped, duplicate ties merged, neighbours sorted — the same construction as
 * Concentric's `erdos-renyi` network, written independently here.
 */
export function erdosRenyi(n, meanDegree, rng) {
  const pairs = Math.round((n * meanDegree) / 2);
  const a = new Int32Array(pairs);
  const b = new Int32Array(pairs);
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < pairs; e++) {
    a[e] = rng.below(n);
    b[e] = rng.below(n);
    if (a[e] === b[e]) continue;
    degree[a[e]]++;
    degree[b[e]]++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
  const fill = start.slice(0, n);
  const raw = new Int32Array(start[n]);
  for (let e = 0; e < pairs; e++) {
    if (a[e] === b[e]) continue;
    raw[fill[a[e]]++] = b[e];
    raw[fill[b[e]]++] = a[e];
  }
  const offsets = new Int32Array(n + 1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const list = raw.subarray(start[i], start[i + 1]).sort();
    offsets[i] = write;
    for (let k = 0; k < list.length; k++) if (k === 0 || list[k] !== list[k - 1]) raw[write++] = list[k];
  }
  offsets[n] = write;
  return { offsets, neighbors: raw.slice(0, write) };
}
