import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Parses a PDF for real (pdf.js): its pages, its text (one item per line) and its Title. */
export async function readPdf(pdf: Buffer): Promise<{ pages: number; text: string; title: unknown }> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  try {
    const texts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
    }
    const { info } = await doc.getMetadata();
    return { pages: doc.numPages, text: texts.join('\n'), title: (info as { Title?: unknown }).Title };
  } finally {
    await doc.destroy();
  }
}
