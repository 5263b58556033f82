/** Reads the test stack's mail sink (scripts/lib/mail-sink.ts) over its HTTP API. */
import type { SinkMessage } from '../../scripts/lib/mail-sink.js';

export type { SinkMessage };

function mailWebUrl(): string {
  const url = process.env.TEST_MAIL_WEB_URL;
  if (!url) throw new Error('TEST_MAIL_WEB_URL is not set: run the tests through `npm test`');
  return url;
}

export async function sentMail(): Promise<SinkMessage[]> {
  const res = await fetch(`${mailWebUrl()}/api/messages`);
  return (await res.json()) as SinkMessage[];
}

export async function clearMail(): Promise<void> {
  await fetch(`${mailWebUrl()}/api/messages`, { method: 'DELETE' });
}
