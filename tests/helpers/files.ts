import { crc32, deflateSync } from 'node:zlib';

/**
 * A PDF with a classic cross-reference table: every object's offset is computed, so the file is one a reader opens
 * (one blank A4 page), not only one that starts like a PDF.
 */
export function buildPdf(objects: string[], version = '1.4'): Buffer {
  let out = `%PDF-${version}\n%\u00e2\u00e3\u00cf\u00d3\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const ONE_PAGE = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>'];

/**
 * A PDF 1.5 whose page object sits compressed in an object stream and whose cross-reference is a stream, as
 * Acrobat and Ghostscript write them: the page is not visible in the file's plain bytes.
 */
export function buildPdfWithObjectStreams(): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  push('%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n');
  const offsets: Record<number, number> = {};
  offsets[1] = length;
  push('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
  offsets[2] = length;
  push('2 0 obj\n<< /Type /Pages /Kids [4 0 R] /Count 1 >>\nendobj\n');
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>';
  const header = '4 0 ';
  const packed = deflateSync(Buffer.from(header + page, 'latin1'));
  offsets[3] = length;
  push(`3 0 obj\n<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`);
  push(packed);
  push('\nendstream\nendobj\n');
  offsets[5] = length;
  // /W [1 4 2]: type, offset (or object stream number), generation (or index in the object stream).
  const entry = (type: number, field2: number, field3: number) => {
    const b = Buffer.alloc(7);
    b.writeUInt8(type, 0);
    b.writeUInt32BE(field2, 1);
    b.writeUInt16BE(field3, 5);
    return b;
  };
  const table = Buffer.concat([entry(0, 0, 65535), entry(1, offsets[1]!, 0), entry(1, offsets[2]!, 0), entry(1, offsets[3]!, 0), entry(2, 3, 0), entry(1, offsets[5]!, 0)]);
  push(`5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length ${table.length} >>\nstream\n`);
  push(table);
  push(`\nendstream\nendobj\nstartxref\n${offsets[5]}\n%%EOF\n`);
  return Buffer.concat(parts, length);
}

/**
 * An 8×8 mid-grey baseline JPEG: SOI, JFIF, a quantisation table, the frame (SOF0), one-code Huffman tables,
 * one scan (DC difference 0, then end-of-block) and EOI. Small and decodable.
 */
function buildJpeg(): Buffer {
  const hex = [
    'ffd8',
    'ffe000104a46494600010100000100010000',
    `ffdb004300${'01'.repeat(64)}`,
    'ffc0000b080008000801011100',
    `ffc4001400${'01'}${'00'.repeat(15)}00`,
    `ffc4001410${'01'}${'00'.repeat(15)}00`,
    'ffda0008010100003f00',
    '3f',
    'ffd9',
  ];
  return Buffer.from(hex.join(''), 'hex');
}

/** A width×height opaque grey PNG: signature, IHDR, one IDAT of filtered rows, IEND, every chunk with its CRC. */
export function buildPng(width = 2, height = 2): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, adaptive filtering, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** Tiny real files whose content identifies their type and which are whole, for upload tests. */
export const PDF = buildPdf(ONE_PAGE);
export const PNG = buildPng();
export const JPEG = buildJpeg();
/** Starts like a PDF and is nothing more: what the first upload check let through. */
export const PDF_HEADER_ONLY = Buffer.from('%PDF-');
/** A Windows executable header, whatever name it is given. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);
export const TEXT = Buffer.from('dit is geen diploma maar platte tekst\n');
