import type { Response } from 'express';
import type { ReadStream } from 'node:fs';

/** Streams an evidence file inline, never as something the browser could run in our origin. */
export function sendEvidence(res: Response, file: { row: { contentType: string; sizeBytes: number; originalName: string }; stream: ReadStream }): void {
  res.set({
    'Content-Type': file.row.contentType,
    'Content-Length': String(file.row.sizeBytes),
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.row.originalName)}`,
    'Cache-Control': 'private, no-store',
    // Shown in our own pages (staff dossier) only; nothing in it may run.
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'X-Frame-Options': 'SAMEORIGIN',
  });
  file.stream.on('error', () => res.destroy());
  file.stream.pipe(res);
}

/** A PDF download with the name the user sees. */
export function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' });
  res.send(pdf);
}
