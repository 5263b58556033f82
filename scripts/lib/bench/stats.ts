import type { LoadRun } from './load.js';

/** The numbers the benchmark prints for one target in one scenario. */
export interface LoadSummary {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx responses, errors and timeouts. */
  failed: number;
  /** CPU time of the server process per answered request (microseconds). */
  serverCpuMicrosPerRequest: number;
}

/** Nearest-rank percentile of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Merges the measured runs of one target: throughput over their summed duration, percentiles over all requests. */
export function summarize(runs: readonly LoadRun[]): LoadSummary {
  const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.durationSec, 0);
  const cpu = runs.reduce((sum, r) => sum + r.serverCpuMicros, 0);
  return {
    requests: latencies.length,
    requestsPerSec: seconds > 0 ? latencies.length / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    serverCpuMicrosPerRequest: latencies.length > 0 ? cpu / latencies.length : Number.NaN,
  };
}
