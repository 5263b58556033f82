import autocannon from 'autocannon';
import type { LoadJob, RunnerMessage } from './load.js';

/** Child process of runLoad: one warm-up and one measured autocannon run, reported over IPC. */
function cannon(job: LoadJob, durationSec: number, onResponse?: (statusCode: number, ms: number) => void): Promise<autocannon.Result> {
  let nextClient = 0;
  const stride = Math.max(1, Math.floor(job.paths.length / job.connections));
  return new Promise((resolve, reject) => {
    const options: autocannon.Options = {
      url: job.url,
      connections: job.connections,
      duration: durationSec,
      // Each connection loops over all inputs from its own offset, so concurrent requests differ.
      setupClient: (client) => {
        const start = (nextClient++ * stride) % job.paths.length;
        const rotated = [...job.paths.slice(start), ...job.paths.slice(0, start)];
        client.setRequests(rotated.map((path) => ({ method: 'GET', path })));
      },
    };
    const instance = autocannon(options, (err: unknown, result) => (err ? reject(err instanceof Error ? err : new Error('autocannon failed', { cause: err })) : resolve(result)));
    if (onResponse) instance.on('response', (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime));
  });
}

function send(message: RunnerMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send?.(message, (err: Error | null) => (err ? reject(err) : resolve())));
}

async function measure(job: LoadJob): Promise<void> {
  await cannon(job, job.warmupSec);
  await send({ type: 'measuring' });
  // Own latency record: autocannon's histogram keeps whole milliseconds only.
  const latenciesMs: number[] = [];
  let non2xx = 0;
  const result = await cannon(job, job.durationSec, (statusCode, ms) => {
    if (statusCode >= 200 && statusCode < 300) latenciesMs.push(ms);
    else non2xx += 1;
  });
  await send({ type: 'done', durationSec: result.duration, latenciesMs, failed: non2xx + result.errors + result.timeouts });
}

process.once('message', (job: LoadJob) => {
  measure(job).then(
    () => process.exit(0),
    (err: unknown) => void send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }).finally(() => process.exit(1)),
  );
});
