import { createRequire } from 'node:module';
import path from 'node:path';

/** What every PDF the workers make shares: the fonts, the colours, and collecting the bytes. */

// Resolved from the package, never from the working directory: the worker may start anywhere.
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: path.join(FONT_DIR, 'DejaVuSansMono-Bold.ttf'),
} as const;

export const COLOR = { ink: '#1b2430', muted: '#5d6975', accent: '#1f4e6e', rule: '#c8d2da', panel: '#f2f5f8' } as const;

/** The document's bytes as pdfkit writes them; resolves once doc.end() has flushed the last of them. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
