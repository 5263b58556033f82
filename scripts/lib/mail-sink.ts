/**
 * Development mail sink: an SMTP server that accepts every message, keeps it in
 * memory and shows it on a small web page / JSON API. Never for production.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { LineLogger } from './log.js';

export interface SinkMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  date: string;
}

const MAX_MESSAGES = 1000;
const MAX_SIZE = 10 * 1024 * 1024;

function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escape text and turn http(s) URLs into links (handy for verification mails). */
function linkify(text: string): string {
  const re = /https?:\/\/[^\s<>"')\]]+/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    const idx = m.index ?? 0;
    out += esc(text.slice(last, idx));
    out += `<a href="${esc(m[0])}" rel="noreferrer noopener" target="_blank">${esc(m[0])}</a>`;
    last = idx + m[0].length;
  }
  return out + esc(text.slice(last));
}

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
}

const STYLE = `
  body{font-family:system-ui,sans-serif;margin:0;padding:1rem 2rem;color:#1a1a1a;background:#fafafa;line-height:1.45}
  h1{font-size:1.4rem;margin:.2rem 0} .sub{color:#555;margin:0 0 1rem}
  table{border-collapse:collapse;width:100%;background:#fff}
  th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
  th{background:#eef2f7} a{color:#0b4f9c} a:focus,button:focus{outline:3px solid #f5a623;outline-offset:2px}
  pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #ddd;padding:1rem}
  iframe{width:100%;min-height:60vh;border:1px solid #ddd;background:#fff}
  dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{font-weight:600}
  button{font:inherit;padding:.3rem .8rem}
`;

function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${extraHead}
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function listPage(messages: SinkMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${esc(m.subject || '(geen onderwerp / no subject)')}</a></td>
  <td>${esc(m.to.join(', '))}</td>
  <td><time datetime="${esc(m.date)}">${esc(formatDate(m.date))}</time></td>
</tr>`,
    )
    .join('\n');
  const table = messages.length
    ? `<table>
<caption class="sub">${messages.length} bericht(en), nieuwste eerst / newest first</caption>
<thead><tr><th scope="col">Onderwerp <span lang="en">(subject)</span></th><th scope="col">Aan <span lang="en">(to)</span></th><th scope="col">Datum <span lang="en">(date)</span></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>Nog geen berichten ontvangen. <span lang="en">No messages received yet.</span></p>';
  return page(
    'Mail sink – Vakregister (ontwikkeling)',
    `<h1>Mail sink</h1>
<p class="sub">Ontwikkelomgeving: alle verstuurde e-mail komt hier terecht. <span lang="en">Development only: every outgoing e-mail lands here.</span> Deze pagina ververst elke 5 seconden.</p>
<form method="post" action="/clear"><button type="submit">Alles wissen <span lang="en">(clear all)</span></button></form>
${table}`,
    '<meta http-equiv="refresh" content="5">',
  );
}

function messagePage(m: SinkMessage): string {
  // Links inside the sandboxed mail open in a new tab; no scripts, forms or same-origin access.
  const srcdoc = m.html !== null ? `<base target="_blank">${m.html}` : '';
  return page(
    `${m.subject || '(geen onderwerp)'} – Mail sink`,
    `<p><a href="/">← Terug naar overzicht <span lang="en">(back to list)</span></a></p>
<h1>${esc(m.subject || '(geen onderwerp / no subject)')}</h1>
<dl>
  <dt>Van <span lang="en">(from)</span></dt><dd>${esc(m.from)}</dd>
  <dt>Aan <span lang="en">(to)</span></dt><dd>${esc(m.to.join(', '))}</dd>
  <dt>Datum <span lang="en">(date)</span></dt><dd><time datetime="${esc(m.date)}">${esc(formatDate(m.date))}</time></dd>
</dl>
<h2>Tekst <span lang="en">(plain text)</span></h2>
<pre>${linkify(m.text)}</pre>
${
  m.html !== null
    ? `<h2>HTML</h2>
<iframe title="HTML-versie van het bericht (HTML version of the message)" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${esc(srcdoc)}"></iframe>`
    : ''
}`,
  );
}

export async function startMailSink(opts: {
  smtpPort: number;
  httpPort: number;
  log: LineLogger;
}): Promise<{
  smtpUrl: string;
  webUrl: string;
  messages(): SinkMessage[];
  clear(): void;
  stop: () => Promise<void>;
}> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The development mail sink must not run with NODE_ENV=production.');
  }
  const { smtpPort, httpPort, log } = opts;
  let store: SinkMessage[] = [];

  const smtp = new SMTPServer({
    name: 'vakregister-mail-sink',
    banner: 'Vakregister development mail sink',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_SIZE,
    logger: false,
    closeTimeout: 2000,
    // Accept any credentials, so SMTP URLs with user:pass also work.
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) {
            const err = new Error('Message exceeds fixed maximum message size') as Error & { responseCode: number };
            err.responseCode = 552;
            callback(err);
            return;
          }
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const to = session.envelope.rcptTo.map((r) => r.address);
          const message: SinkMessage = {
            id: randomUUID(),
            from: addressText(parsed.from) || envelopeFrom,
            to: to.length ? to : addressText(parsed.to).split(/,\s*/).filter(Boolean),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            date: new Date().toISOString(),
          };
          store.unshift(message);
          if (store.length > MAX_MESSAGES) store.length = MAX_MESSAGES;
          log(`mail to=${message.to.join(',')} subject=${message.subject}`);
          callback();
        })
        .catch((err: unknown) => {
          log(`could not parse message: ${(err as Error).message}`);
          callback(err as Error);
        });
    },
  });
  smtp.on('error', (err) => log(`smtp error: ${err.message}`));

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const html = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    });
    res.end(body);
  };

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const detail = /^\/messages\/([^/]+)$/.exec(url.pathname);
    const apiDetail = /^\/api\/messages\/([^/]+)$/.exec(url.pathname);
    try {
      if (method === 'GET' && url.pathname === '/') return html(res, 200, listPage(store));
      if (method === 'GET' && detail) {
        const m = store.find((x) => x.id === decodeURIComponent(detail[1]!));
        if (!m) return html(res, 404, page('Niet gevonden', '<h1>Bericht niet gevonden <span lang="en">(message not found)</span></h1><p><a href="/">Terug</a></p>'));
        return html(res, 200, messagePage(m));
      }
      if (method === 'POST' && url.pathname === '/clear') {
        req.resume();
        store = [];
        res.writeHead(303, { location: '/' });
        return res.end();
      }
      if (url.pathname === '/api/messages') {
        if (method === 'GET') return json(res, 200, store);
        if (method === 'DELETE') {
          store = [];
          res.writeHead(204);
          return res.end();
        }
        res.writeHead(405, { allow: 'GET, DELETE' });
        return res.end();
      }
      if (method === 'GET' && apiDetail) {
        const m = store.find((x) => x.id === decodeURIComponent(apiDetail[1]!));
        return m ? json(res, 200, m) : json(res, 404, { error: 'not_found' });
      }
      html(res, 404, page('Niet gevonden', '<h1>Niet gevonden <span lang="en">(not found)</span></h1><p><a href="/">Naar overzicht</a></p>'));
    } catch (err) {
      log(`web error: ${(err as Error).message}`);
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.end();
    }
  });

  const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown; once: (ev: 'error', cb: (e: Error) => void) => unknown; removeListener: (ev: 'error', cb: (e: Error) => void) => unknown }, port: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => {
        const code = (err as NodeJS.ErrnoException).code;
        reject(
          code === 'EADDRINUSE'
            ? new Error(`Port ${port} on 127.0.0.1 is already in use, so the mail sink ${what} cannot start.`)
            : err,
        );
      };
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', onError);
        resolve();
      });
    });

  await listen(smtp, smtpPort, 'SMTP server');
  try {
    await listen(web, httpPort, 'web page');
  } catch (err) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw err;
  }
  const actualWebPort = (web.address() as AddressInfo).port;

  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  const webUrl = `http://127.0.0.1:${actualWebPort}`;
  log(`ready: SMTP ${smtpUrl}, web ${webUrl}`);

  let stopping: Promise<void> | null = null;
  return {
    smtpUrl,
    webUrl,
    messages: () => [...store],
    clear: () => {
      store = [];
    },
    stop: () => {
      stopping ??= (async () => {
        web.closeAllConnections?.();
        await Promise.all([
          new Promise<void>((resolve) => web.close(() => resolve())),
          new Promise<void>((resolve) => smtp.close(() => resolve())),
        ]);
        log('mail sink stopped');
      })();
      return stopping;
    },
  };
}
