/**
 * A local redis-server child process for development and tests.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { ensureCommand } from './debian.js';
import { pipeChildOutput, type LineLogger } from './log.js';
import { pidAlive, portFree, sleep } from './os-utils.js';

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/** Sends PING over a raw TCP connection; resolves true on +PONG. */
function ping(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** A redis-server left running by a killed earlier run (parent gone) is stopped. */
async function stopOrphan(pidFile: string, log: LineLogger): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(await readFile(pidFile, 'utf8'), 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  let cmdline: string;
  let ppid: number;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '0', 10);
  } catch {
    return; // not Linux or gone: leave it alone
  }
  if (!cmdline.includes('redis-server') || ppid !== 1) return;
  log(`found orphaned redis-server (pid ${pid}) from a previous run; stopping it`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pidAlive(pid) && Date.now() < deadline) await sleep(100);
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(pidFile, { force: true });
}

export async function startRedis(opts: {
  dataDir: string;
  port: number;
  log: LineLogger;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const { port, log } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const redisServer = await ensureCommand('redis-server', 'redis-server', log, 'set REDIS_URL to a running Redis');

  await mkdir(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, 'redis-server.pid');
  await stopOrphan(pidFile, log);

  if (!(await portFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so redis-server cannot start. ` +
        `Stop the process listening there (\`ss -ltnp 'sport = :${port}'\`) or set REDIS_URL to a running Redis.`,
    );
  }

  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dataDir,
    '--appendonly', 'yes',
    '--save', '',
    '--protected-mode', 'yes',
    '--daemonize', 'no',
    '--pidfile', pidFile,
  ];
  log(`starting ${redisServer} on 127.0.0.1:${port} (data ${dataDir})`);
  const child = spawn(redisServer, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dataDir });

  const recent: string[] = [];
  const record: LineLogger = (text) => {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 40) recent.shift();
    }
    log(text);
  };
  pipeChildOutput(child, record);

  let exited = false;
  let stopping = false;
  let spawnError: Error | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      if (!stopping) log(`redis-server exited (code ${code ?? 'none'}, signal ${signal ?? 'none'})`);
      resolve();
    });
    child.once('error', (err) => {
      spawnError = err;
      exited = true;
      resolve();
    });
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      const why = spawnError ? (spawnError as Error).message : 'redis-server exited during startup';
      throw new Error(`${why}. Output:\n${recent.join('\n')}`);
    }
    if (await ping(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `redis-server on port ${port} did not answer PING within ${READY_TIMEOUT_MS / 1000}s. Output:\n${recent.join('\n')}`,
      );
    }
    await sleep(100);
  }

  let stopPromise: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopPromise ??= (async () => {
      stopping = true;
      if (exited) return;
      log('stopping redis-server');
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exitPromise.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        log(`redis-server did not exit within ${STOP_TIMEOUT_MS / 1000}s; sending SIGKILL`);
        child.kill('SIGKILL');
        await exitPromise;
      }
      log('redis-server stopped');
    })();
    return stopPromise;
  };

  const url = `redis://127.0.0.1:${port}`;
  log(`ready: ${url}`);
  return { url, stop };
}
