import { expect } from 'chai';
import { spawn } from 'node:child_process';

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs an entry point as its own process, as `npm start` and docker do. */
function runEntry(entry: string, env: Record<string, string>, untilLine?: RegExp): { done: Promise<Outcome>; ready: Promise<void>; stop(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (untilLine?.test(output)) markReady();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const done = new Promise<Outcome>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, output })));
  return { done, ready, stop: () => child.kill('SIGTERM') };
}

function stackEnv(): Record<string, string> {
  const keys = ['DATABASE_URL', 'REDIS_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'SMTP_URL'];
  return Object.fromEntries(keys.map((k) => [k, process.env[k] ?? ''])) as Record<string, string>;
}

describe('process entry points', function () {
  this.timeout(60_000);

  it('the server exits non-zero and lists every bad variable', async () => {
    const { done } = runEntry('server/main.ts', { DATABASE_URL: 'mysql://nope', PORT: 'eighty' });
    const { code, output } = await done;
    expect(code).to.equal(78);
    for (const name of ['DATABASE_URL', 'PORT', 'REDIS_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'SMTP_URL']) expect(output).to.contain(name);
  });

  it('the server refuses the development services in production', async () => {
    const { done } = runEntry('server/main.ts', { ...stackEnv(), NODE_ENV: 'production', VAKREGISTER_DEV_SERVICES: 'true', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://register.example.nl' });
    const { code, output } = await done;
    expect(code).to.equal(78);
    expect(output).to.contain('VAKREGISTER_DEV_SERVICES');
  });

  it('the worker process starts, and on SIGTERM drains and exits 0 within its deadline', async () => {
    const proc = runEntry('workers/main.ts', { ...stackEnv(), NODE_ENV: 'test', LOG_LEVEL: 'info' }, /workers started/);
    await proc.ready;
    const started = Date.now();
    proc.stop();
    const { code, signal, output } = await proc.done;
    expect(code, `signal ${signal}: ${output}`).to.equal(0);
    expect(output).to.contain('workers stopped');
    expect(Date.now() - started).to.be.lessThan(20_000);
  });
});
