import { expect } from 'chai';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { accessLog } from './access-log.js';

/** A real HTTP server with the middleware and a pino logger writing into an array. */
async function serve(level: string): Promise<{ url: string; lines: Array<Record<string, unknown>>; close: () => Promise<void> }> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  const app = express();
  app.use(accessLog(pino({ level }, sink), { ignorePaths: ['/healthz'] }));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/api/public/register', (req, res) => void res.json({ id: req.id }));
  app.get('/boom', (_req, res) => void res.status(500).json({}));
  app.get('/invitations/:secret', (_req, res) => void res.send('shell'));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('access log', () => {
  it('logs one line per request: method, path without the query string, status, duration and the request id', async () => {
    const s = await serve('info');
    try {
      const res = await fetch(`${s.url}/api/public/register?q=sanne%20de%20vries`, { headers: { 'X-Request-Id': 'trace-12345678' } });
      expect(res.headers.get('x-request-id')).to.equal('trace-12345678');
      expect(await res.json()).to.deep.equal({ id: 'trace-12345678' });
      await new Promise((resolve) => setImmediate(resolve));
      expect(s.lines).to.have.length(1);
      const line = s.lines[0]!;
      expect(line).to.deep.include({ msg: 'request completed', level: 30, req: { id: 'trace-12345678', method: 'GET', path: '/api/public/register' }, res: { statusCode: 200 } });
      expect(line.responseTime).to.be.a('number');
      expect(JSON.stringify(s.lines)).to.not.include('sanne');
    } finally {
      await s.close();
    }
  });

  it('never logs the secret of an invitation link', async () => {
    const s = await serve('info');
    try {
      const secret = 'S3cr3t-invitation-link-secret-abcdefghijklm';
      expect((await fetch(`${s.url}/invitations/${secret}`)).status).to.equal(200);
      await new Promise((resolve) => setImmediate(resolve));
      expect((s.lines[0]!.req as { path: string }).path).to.equal('/invitations/[redacted]');
      expect(JSON.stringify(s.lines)).to.not.include(secret);
    } finally {
      await s.close();
    }
  });

  it('makes its own id for a missing or malformed X-Request-Id, skips /healthz, and logs 5xx as errors', async () => {
    const s = await serve('info');
    try {
      const res = await fetch(`${s.url}/healthz`, { headers: { 'X-Request-Id': 'bad id\twith tab' } });
      expect(res.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
      await fetch(`${s.url}/boom`);
      await new Promise((resolve) => setImmediate(resolve));
      expect(s.lines.map((l) => [l.level, l.msg, (l.res as { statusCode: number }).statusCode])).to.deep.equal([[50, 'request failed', 500]]);
    } finally {
      await s.close();
    }
  });

  it('logs only failures when info is off, nothing when silent, and always gives every request an id', async () => {
    const s = await serve('warn');
    const quiet = await serve('silent');
    try {
      for (const server of [s, quiet]) {
        const res = await fetch(`${server.url}/api/public/register?q=x`);
        expect(res.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
        await fetch(`${server.url}/boom`);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(s.lines.map((l) => l.msg)).to.deep.equal(['request failed']);
      expect(quiet.lines).to.deep.equal([]);
    } finally {
      await s.close();
      await quiet.close();
    }
  });
});
