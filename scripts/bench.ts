import type { Server } from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config/config.js';
import { discoverIssuer } from '../server/http/auth.js';
import { createApp } from '../server/http/app.js';
import { createLogger } from '../server/logger.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { benchAttendance, formatAttendance } from './lib/bench/attendance.js';
import { startBaseline, type Baseline } from './lib/bench/baseline.js';
import { formatCpdBench, runCpdProgressBench } from './lib/bench/cpd-progress.js';
import { BENCH_BASELINE_PORT, BENCH_REGISTRANTS, startBenchStack } from './lib/bench/dataset.js';
import { benchInputs, datasetSize } from './lib/bench/inputs.js';
import { runLoad, type LoadRun } from './lib/bench/load.js';
import { formatResults, type ScenarioName, type ScenarioResult } from './lib/bench/report.js';
import { summarize } from './lib/bench/stats.js';
import { prefixedLogger } from './lib/log.js';
import type { Stack } from './lib/stack.js';

/**
 * `npm run bench`: the public register's lookup by number and name search under load, next to a baseline that
 * runs the same SQL in a bare Express route. Starts its own stack (data kept in .bench-data/, so only the first
 * run seeds), prints a table and exits 0: these are numbers, not a test. Optional: --duration, --warmup,
 * --connections (seconds, seconds, count).
 */
const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' }, connections: { type: 'string', default: '50' } },
  strict: true,
});
const durationSec = Number(values.duration);
const warmupSec = Number(values.warmup);
const connections = Number(values.connections);
if (![durationSec, warmupSec, connections].every((n) => Number.isInteger(n) && n >= 1) || durationSec < 2) {
  process.stderr.write('--duration (at least 2), --warmup and --connections must be whole numbers of at least 1\n');
  process.exit(2);
}

/** Each target's measured time is split into this many runs, alternating with the other target's. */
const ROUNDS = 2;
const log = prefixedLogger('bench');
const cleanups: Array<() => Promise<void>> = [];
async function cleanup(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c().catch((err: unknown) => log(`stop failed: ${String(err)}`));
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  });
}

async function listen(app: ReturnType<typeof createApp>, port: number): Promise<Server> {
  return await new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

async function expectOk(url: string): Promise<void> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
}

const n = (x: number) => x.toLocaleString('en');
const started = Date.now();
const cpus = os.cpus();
log(`machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);

let exitCode = 0;
try {
  const stack: Stack = await startBenchStack('.bench-data', log);
  cleanups.push(() => stack.stop());

  // The real app, in this process, over the bench stack; logging silent and the public rate limit out of reach.
  const config = loadConfig({ ...process.env, ...stack.env, NODE_ENV: 'test', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' });
  const logger = createLogger(config, 'bench');
  const runtime: Runtime = await openRuntime(config, logger, 'vakregister-bench');
  // runtime.close() also disconnects the queues' shared Redis connection, before the bench stack's Redis stops.
  cleanups.push(() => runtime.close());
  const discovery = await discoverIssuer(config.oidc.issuer);
  const server = await listen(createApp({ config, logger, discovery, ...runtime }), config.port);
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const appUrl = `http://127.0.0.1:${config.port}`;

  // The baseline gets as many connections as the app's TypeORM pool has.
  const appOptions = runtime.dataSource.options;
  const poolSize = appOptions.type === 'postgres' && appOptions.poolSize ? appOptions.poolSize : 10;
  const baseline: Baseline = await startBaseline({ databaseUrl: config.databaseUrl, port: BENCH_BASELINE_PORT, poolSize });
  cleanups.push(() => baseline.close());

  const db = runtime.dataSource;
  const size = await datasetSize(db);
  const inputs = await benchInputs(db);
  log(
    `dataset: ${n(size.persons)} persons (${n(BENCH_REGISTRANTS)} seeded registrants), ${n(size.listed)} publicly listed, ${n(size.registrations)} registrations`,
  );
  log(`inputs: ${inputs.lookupPaths.length} registration numbers; ${inputs.searchPaths.length} name queries such as ${inputs.searchExamples.map((q) => `"${q}"`).join(', ')}`);
  log(`load: ${connections} connections; per scenario and target ${ROUNDS} alternating runs of ${warmupSec} s warm-up + ${durationSec / ROUNDS} s measured; pool size ${poolSize} for app and baseline`);

  const scenarios: Array<{ name: ScenarioName; paths: string[] }> = [
    { name: 'lookup', paths: inputs.lookupPaths },
    { name: 'search', paths: inputs.searchPaths },
  ];
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    // Both answer before either is measured, so a broken route cannot pass for a fast one.
    for (const url of [baseline.url, appUrl]) await expectOk(`${url}${scenario.paths[0]}`);
    // Alternating rounds, so a drift in the machine's load hits both alike.
    const runs: Record<'baseline' | 'app', LoadRun[]> = { baseline: [], app: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of ['baseline', 'app'] as const) {
        log(`${scenario.name}: ${target} (round ${round}/${ROUNDS})`);
        const url = target === 'app' ? appUrl : baseline.url;
        runs[target].push(await runLoad({ url, paths: scenario.paths, connections, warmupSec, durationSec: durationSec / ROUNDS }));
      }
    }
    results.push({ scenario: scenario.name, baseline: summarize(runs.baseline), app: summarize(runs.app) });
  }

  process.stdout.write(`\nVakregister public register, ${n(size.persons)} persons, ${connections} connections, ${durationSec} s measured per target, ${cpus.length} cores\n\n`);
  process.stdout.write(`${formatResults(results, connections)}\n\n`);
  process.stdout.write(`${formatAttendance(await benchAttendance({ db, publicUrl: config.publicUrl, log }))}\n\n`);
  process.stdout.write(`${formatCpdBench(await runCpdProgressBench({ db, queues: runtime.queues, logger, evidenceDir: config.evidenceDir, log }))}\n\n`);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (err) {
  exitCode = 1;
  if (!interrupted) log(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
