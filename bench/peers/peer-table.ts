/**
 * The side-by-side report of the peer benchmark (bench/peers.bench.ts): one row per workload with the
 * hub's and EDC's requests/s and p50/p99 latency and the hub/EDC ratio of requests/s, then one row
 * per process with its start-up time and memory. Plain text (a Markdown table), so the same lines
 * go to the terminal and into docs/benchmarks.md.
 */

export interface LoadResult {
  perSecond: number
  p50Ms: number
  p99Ms: number
  /** Answers that were not 2xx plus requests that failed (timeouts, resets): non-zero means the
   * numbers include failures. */
  failed: number
  /** Median latency of a few requests sent one at a time after the load, for when the loaded
   * figures are dominated by queueing (or nothing completed within the measured seconds). */
  serialMs: number
}

export interface WorkloadRow {
  workload: string
  hub: LoadResult
  /** Null where EDC has no equivalent (e.g. full-text search). */
  edc: LoadResult | null
}

export interface ProcessRow {
  process: string
  startupMs: number
  rssMiB: number
  peakRssMiB: number
}

/** hub/EDC ratio of requests per second, two decimals; null when EDC did not run the workload. */
export function ratio(hub: LoadResult, edc: LoadResult | null): number | null {
  if (!edc || edc.perSecond <= 0) return null
  return Math.round((hub.perSecond / edc.perSecond) * 100) / 100
}

const cell = (r: LoadResult | null) =>
  r
    ? `${r.perSecond} | ${r.p50Ms} | ${r.p99Ms}${r.failed ? ` (${r.failed} failed)` : ''} | ${r.serialMs}`
    : '— | — | — | —'

export function formatPeerTable(workloads: WorkloadRow[], processes: ProcessRow[]): string {
  const lines = [
    '| workload | hub req/s | hub p50 ms | hub p99 ms | hub 1-by-1 ms | EDC req/s | EDC p50 ms | EDC p99 ms | EDC 1-by-1 ms | hub/EDC req/s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...workloads.map(
      (w) =>
        `| ${w.workload} | ${cell(w.hub)} | ${cell(w.edc)} | ${ratio(w.hub, w.edc)?.toFixed(2) ?? 'n/a'} |`,
    ),
    '',
    '| process | start-up s | RSS MiB after load | peak RSS MiB |',
    '|---|---:|---:|---:|',
    ...processes.map(
      (p) => `| ${p.process} | ${(p.startupMs / 1000).toFixed(1)} | ${p.rssMiB} | ${p.peakRssMiB} |`,
    ),
  ]
  return lines.join('\n')
}
