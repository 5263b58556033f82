import { spawn, type ChildProcess } from 'node:child_process';
import { pipeChildOutput, prefixedLogger } from './log.js';

/** Runs a TypeScript entry point under tsx as a child process with prefixed output. */
export function spawnTs(name: string, entry: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeChildOutput(child, prefixedLogger(name));
  return child;
}

/** Runs a command to completion; resolves with its exit code. */
export function run(name: string, command: string, args: string[], env: Record<string, string> = {}, onLine?: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = prefixedLogger(name);
    pipeChildOutput(child, (line) => {
      log(line);
      onLine?.(line);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** SIGTERM, then SIGKILL after the deadline. Resolves when the child has exited. */
export function stopChild(child: ChildProcess, deadlineMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
