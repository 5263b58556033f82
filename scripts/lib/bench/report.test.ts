import { expect } from 'chai';
import type { LoadRun } from './load.js';
import { aimVerdict, closedLoopLine, formatResults, type ScenarioResult } from './report.js';
import { percentile, summarize, type LoadSummary } from './stats.js';

const summary = (over: Partial<LoadSummary>): LoadSummary => ({
  requests: 1000,
  requestsPerSec: 100,
  p50Ms: 5,
  p99Ms: 10,
  failed: 0,
  serverCpuMicrosPerRequest: 500,
  ...over,
});

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).to.equal(50);
    expect(percentile(values, 99)).to.equal(99);
    expect(percentile([7], 99)).to.equal(7);
    expect(Number.isNaN(percentile([], 50))).to.equal(true);
  });

  it('merges alternating runs: throughput over the summed time, percentiles over all requests', () => {
    const run = (latenciesMs: number[], durationSec: number, serverCpuMicros: number): LoadRun => ({ latenciesMs, durationSec, failed: 0, serverCpuMicros });
    const s = summarize([run([1, 2, 3], 1, 300), run([4, 5, 6, 7, 8], 3, 500)]);
    expect(s.requests).to.equal(8);
    expect(s.requestsPerSec).to.equal(2);
    expect(s.p50Ms).to.equal(4);
    expect(s.p99Ms).to.equal(8);
    expect(s.serverCpuMicrosPerRequest).to.equal(100);
  });
});

describe('benchmark report', () => {
  it('meets the lookup aim only with enough throughput and a low p99', () => {
    const lookup = (app: Partial<LoadSummary>): ScenarioResult => ({ scenario: 'lookup', baseline: summary({ requestsPerSec: 1000 }), app: summary(app) });
    expect(aimVerdict(lookup({ requestsPerSec: 600, p99Ms: 24.9 })).met).to.equal(true);
    expect(aimVerdict(lookup({ requestsPerSec: 599, p99Ms: 10 })).misses).to.deep.equal(['throughput 59% < 60%']);
    expect(aimVerdict(lookup({ requestsPerSec: 900, p99Ms: 25 })).misses).to.deep.equal(['p99 25.0 ms ≥ 25 ms']);
  });

  it('judges search by p99 alone, and never passes a run with failed requests', () => {
    const search = (app: Partial<LoadSummary>): ScenarioResult => ({ scenario: 'search', baseline: summary({ requestsPerSec: 1000 }), app: summary(app) });
    expect(aimVerdict(search({ requestsPerSec: 10, p99Ms: 49 })).met).to.equal(true);
    expect(aimVerdict(search({ p99Ms: 49, failed: 3 })).misses).to.deep.equal(['3 failed requests']);
  });

  it('prints one row per scenario with both sides, the ratio and the verdict', () => {
    const text = formatResults([{ scenario: 'lookup', baseline: summary({ requestsPerSec: 2000 }), app: summary({ requestsPerSec: 1500, p99Ms: 20 }) }], 50);
    const row = text.split('\n').find((l) => l.startsWith('lookup'));
    expect(row).to.match(/2,000 .* 1,500 .* 75% \| yes$/);
    expect(text).to.include('aim lookup: app ≥ 60% of the baseline req/s, app p99 < 25 ms');
  });

  it("states what a closed loop implies: mean latency is connections ÷ throughput (Little's law)", () => {
    const line = closedLoopLine({ scenario: 'lookup', baseline: summary({ requestsPerSec: 2000 }), app: summary({ requestsPerSec: 1000 }) }, 50);
    expect(line).to.equal('lookup: 50 requests in flight, so mean latency = 50 ÷ req/s (baseline 25.0 ms, app 50.0 ms); p99 < 25 ms needs more than 2,000 req/s (baseline reached 2,000)');
  });
});
