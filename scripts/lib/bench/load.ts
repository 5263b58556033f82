import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One load run: `connections` clients looping over `paths` (each client from its own offset) for `durationSec`. */
export interface LoadJob {
  url: string;
  paths: string[];
  connections: number;
  warmupSec: number;
  durationSec: number;
}

/** What one measured run saw; runs of the same target are merged with mergeRuns. */
export interface LoadRun {
  durationSec: number;
  /** Latencies of the 2xx responses, in milliseconds. */
  latenciesMs: number[];
  /** Responses other than 2xx, connection errors and timeouts: any of them makes the run suspect. */
  failed: number;
  /** CPU time this process (the servers under test) spent during the measured part, in microseconds. */
  serverCpuMicros: number;
}

/** Messages from the load runner: the measured part starts, ends (with its numbers), or the run failed. */
export type RunnerMessage =
  | { type: 'measuring' }
  | { type: 'done'; durationSec: number; latenciesMs: number[]; failed: number }
  | { type: 'failed'; error: string };

/**
 * Runs autocannon in a child process, so the load generator's event loop and garbage collector are not the
 * ones of the servers under test (which run in this process). This process's CPU time is read when the
 * measured part starts and ends, so warm-up and process start do not count.
 */
export function runLoad(job: LoadJob): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    // The child inherits this process's execArgv, i.e. tsx's loader.
    const child = fork(fileURLToPath(new URL('./load-runner.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    let cpuAtStart: NodeJS.CpuUsage | null = null;
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`load run against ${job.url} did not finish in time`));
    }, (job.warmupSec + job.durationSec + 30) * 1000);
    function finish(outcome: Error | LoadRun): void {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    child.on('message', (message: RunnerMessage) => {
      if (message.type === 'measuring') cpuAtStart = process.cpuUsage();
      else if (message.type === 'failed') finish(new Error(message.error));
      else {
        const cpu = process.cpuUsage(cpuAtStart ?? undefined);
        finish({ durationSec: message.durationSec, latenciesMs: message.latenciesMs, failed: message.failed, serverCpuMicros: cpu.user + cpu.system });
      }
    });
    child.once('error', (err) => finish(err));
    // 'close', not 'exit': by then every message of the child has been delivered.
    child.once('close', (code) => finish(new Error(`load runner exited (code ${code}) without a result`)));
    child.send(job);
  });
}
