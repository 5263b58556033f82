import type { LoadSummary } from './stats.js';

export type ScenarioName = 'lookup' | 'search';

export interface ScenarioResult {
  scenario: ScenarioName;
  baseline: LoadSummary;
  app: LoadSummary;
}

/** The aims: lookup at ≥ 60% of the baseline's throughput with p99 < 25 ms; search p99 < 50 ms. */
export const AIMS: Record<ScenarioName, { minThroughputRatio: number | null; maxP99Ms: number; text: string }> = {
  lookup: { minThroughputRatio: 0.6, maxP99Ms: 25, text: 'app ≥ 60% of the baseline req/s, app p99 < 25 ms' },
  search: { minThroughputRatio: null, maxP99Ms: 50, text: 'app p99 < 50 ms' },
};

export function throughputRatio(r: ScenarioResult): number {
  return r.baseline.requestsPerSec > 0 ? r.app.requestsPerSec / r.baseline.requestsPerSec : 0;
}

/** Whether the aim is met, and if not, which parts are missed. Failed requests void a run. */
export function aimVerdict(r: ScenarioResult): { met: boolean; misses: string[] } {
  const aim = AIMS[r.scenario];
  const misses: string[] = [];
  const ratio = throughputRatio(r);
  if (aim.minThroughputRatio !== null && !(ratio >= aim.minThroughputRatio)) misses.push(`throughput ${pct(ratio)} < ${pct(aim.minThroughputRatio)}`);
  if (!(r.app.p99Ms < aim.maxP99Ms)) misses.push(`p99 ${ms(r.app.p99Ms)} ≥ ${aim.maxP99Ms} ms`);
  const failed = r.app.failed + r.baseline.failed;
  if (failed > 0) misses.push(`${failed} failed requests`);
  return { met: misses.length === 0, misses };
}

// Rounded down, so a ratio just under an aim never prints as meeting it.
const pct = (x: number) => `${Math.floor(x * 100 + 1e-9)}%`;
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : 'n/a');
const us = (x: number) => (Number.isFinite(x) ? `${int(x)} µs` : 'n/a');

/**
 * What a closed loop implies: with `connections` requests always in flight, the mean latency is connections ÷
 * throughput (Little's law), so a p99 aim needs at least connections ÷ aim requests per second, whatever the code.
 */
export function closedLoopLine(r: ScenarioResult, connections: number): string {
  const aim = AIMS[r.scenario];
  const mean = (rps: number) => ms((connections / rps) * 1000);
  const needed = connections / (aim.maxP99Ms / 1000);
  return (
    `${r.scenario}: ${connections} requests in flight, so mean latency = ${connections} ÷ req/s (baseline ${mean(r.baseline.requestsPerSec)}, app ${mean(r.app.requestsPerSec)}); ` +
    `p99 < ${aim.maxP99Ms} ms needs more than ${int(needed)} req/s (baseline reached ${int(r.baseline.requestsPerSec)})`
  );
}

/** The results as a fixed-width table, one row per scenario, followed by the aims and any failed requests. */
export function formatResults(results: ScenarioResult[], connections: number): string {
  const header = ['scenario', 'baseline req/s', 'p50', 'p99', 'CPU/req', 'app req/s', 'p50', 'p99', 'CPU/req', 'app/baseline', 'aim met?'];
  const rows = results.map((r) => {
    const verdict = aimVerdict(r);
    return [
      r.scenario,
      int(r.baseline.requestsPerSec),
      ms(r.baseline.p50Ms),
      ms(r.baseline.p99Ms),
      us(r.baseline.serverCpuMicrosPerRequest),
      int(r.app.requestsPerSec),
      ms(r.app.p50Ms),
      ms(r.app.p99Ms),
      us(r.app.serverCpuMicrosPerRequest),
      pct(throughputRatio(r)),
      verdict.met ? 'yes' : `NO: ${verdict.misses.join('; ')}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const last = header.length - 1;
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line), ''];
  for (const r of results) out.push(`aim ${r.scenario}: ${AIMS[r.scenario].text}`);
  out.push('CPU/req: CPU time of the Node process serving the requests, per request (Postgres and the load generator not included)');
  for (const r of results) out.push(closedLoopLine(r, connections));
  for (const r of results) {
    for (const [who, s] of [['baseline', r.baseline], ['app', r.app]] as const) {
      if (s.failed > 0) out.push(`warning: ${r.scenario} ${who}: ${s.failed} failed requests (non-2xx, errors or timeouts)`);
    }
  }
  return out.join('\n');
}
