/**
 * Locate a system command, installing its Debian package when we are allowed to
 * (root on Debian). Used for tools npm cannot provide, such as redis-server.
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants, existsSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeChildOutput, type LineLogger } from './log.js';

const EXTRA_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return false;
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findCommand(command: string): Promise<string | null> {
  if (command.includes('/')) {
    const abs = path.resolve(command);
    return (await isExecutableFile(abs)) ? abs : null;
  }
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...EXTRA_DIRS].filter(
    (d, i, all) => d.length > 0 && path.isAbsolute(d) && all.indexOf(d) === i,
  );
  for (const dir of dirs) {
    const candidate = path.join(dir, command);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return null;
}

function run(cmd: string, args: string[], log: LineLogger): Promise<void> {
  return new Promise((resolve, reject) => {
    log(`$ ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    pipeChildOutput(child, log);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (exit code ${code ?? 'none'}, signal ${signal ?? 'none'})`));
    });
  });
}

let aptUpdate: Promise<void> | null = null;
// apt/dpkg take a global lock, so installs within this process are serialised.
let aptQueue: Promise<unknown> = Promise.resolve();

function canUseApt(): boolean {
  return process.platform === 'linux' && existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

function installPackage(debianPackage: string, log: LineLogger): Promise<void> {
  const job = aptQueue.then(async () => {
    if (!aptUpdate) {
      aptUpdate = run('apt-get', ['update'], log);
      // Allow a retry later in this process if the update itself failed.
      aptUpdate.catch(() => {
        aptUpdate = null;
      });
    }
    await aptUpdate;
    await run('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], log);
  });
  aptQueue = job.catch(() => undefined);
  return job;
}

/**
 * Returns the absolute path of `command`. When it is missing and we are root on
 * Debian, installs `debianPackage` with apt-get first; otherwise throws an Error
 * explaining how to install it. `hint` is appended as an alternative, e.g.
 * "set REDIS_URL to a running Redis".
 */
export async function ensureCommand(
  command: string,
  debianPackage: string,
  log: LineLogger,
  hint?: string,
): Promise<string> {
  const found = await findCommand(command);
  if (found) return found;

  const alternative = hint ? `, or ${hint.replace(/\.$/, '')}` : '';
  const howTo = `Install it with \`sudo apt-get install ${debianPackage}\`${alternative}.`;

  if (!canUseApt()) {
    throw new Error(`${command} not found. ${howTo}`);
  }

  log(`${command} not found; installing Debian package ${debianPackage} (running as root)...`);
  try {
    await installPackage(debianPackage, log);
  } catch (err) {
    throw new Error(
      `${command} not found and installing ${debianPackage} failed: ${(err as Error).message}. ${howTo}`,
      { cause: err },
    );
  }
  const installed = await findCommand(command);
  if (!installed) {
    throw new Error(`${command} still not found after installing ${debianPackage}. ${howTo}`);
  }
  log(`installed ${debianPackage}: ${installed}`);
  return installed;
}
