import { createHash } from 'node:crypto';
import { constants, crc32, inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, fileTooLarge } from './errors.js';

/** Evidence uploads: the content decides the type, never the file name. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

export function isEvidenceContentType(mime: string | undefined): mime is EvidenceContentType {
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(mime ?? '');
}

/**
 * A file name safe to store and show: no path, no control characters, no text-direction controls (which would
 * show "vog<RLO>fdp.exe" as "vogexe.pdf" to staff), at most 200 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '').trim().slice(0, 200);
  return cleaned || 'bestand';
}

/** An uploaded file that may be kept as evidence, with what is recorded about it. */
export interface AcceptedEvidenceFile {
  originalName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  sha256: string;
}

/**
 * The checks every evidence upload passes before anything is stored: not empty, within the register's limit, a
 * PDF, JPEG or PNG by its content and whole. Throws the refusal (empty_file, file_too_large, unsupported_file_type,
 * unreadable_file).
 */
export async function acceptEvidenceFile(file: { buffer: Buffer; originalname: string }, maxBytes: number): Promise<AcceptedEvidenceFile> {
  if (file.buffer.length === 0) throw new AppError('empty_file', 'The file is empty.');
  if (file.buffer.length > maxBytes) throw fileTooLarge(maxBytes);
  // The content decides the type: a renamed executable or text file is refused whatever its name says.
  const mime = (await fileTypeFromBuffer(file.buffer))?.mime;
  if (!isEvidenceContentType(mime)) throw new AppError('unsupported_file_type', 'Upload a PDF, JPEG or PNG file.');
  // Starting like one is not enough: staff must be able to open it.
  const problem = evidenceStructureProblem(mime, file.buffer);
  if (problem) throw new AppError('unreadable_file', `${problem} Upload the complete file.`);
  return {
    originalName: cleanFileName(file.originalname),
    contentType: mime,
    sizeBytes: file.buffer.length,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
  };
}

/**
 * Whether a file that starts like a PDF, JPEG or PNG is one all the way through, so staff can open what was
 * uploaded: a truncated download, a renamed fragment or five bytes of "%PDF-" are refused. Structural checks only
 * (no rendering, no dependency): returns what is wrong, in words for the uploader, or null when the file is whole.
 */
export function evidenceStructureProblem(type: EvidenceContentType, bytes: Buffer): string | null {
  switch (type) {
    case 'application/pdf':
      return pdfProblem(bytes);
    case 'image/jpeg':
      return jpegProblem(bytes);
    case 'image/png':
      return pngProblem(bytes);
    default: {
      const exhaustive: never = type;
      throw new Error(`unknown evidence type ${String(exhaustive)}`);
    }
  }
}

// PDF (ISO 32000-1, 7.5): header, body, cross-reference table or stream, trailer with startxref, %%EOF.
const PDF_TAIL_WINDOW = 1024;

function pdfProblem(bytes: Buffer): string | null {
  const incomplete = 'The PDF is incomplete or damaged';
  if (!/^%PDF-\d\.\d/.test(bytes.subarray(0, 16).toString('latin1'))) return `${incomplete}: it has no valid PDF header.`;
  const tail = bytes.subarray(Math.max(0, bytes.length - PDF_TAIL_WINDOW)).toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  if (eof === -1) return `${incomplete}: it has no end-of-file marker (%%EOF); it may have been cut off.`;
  const startxref = /startxref\s+(\d+)\s*$/.exec(tail.slice(0, eof));
  if (!startxref) return `${incomplete}: it has no startxref pointer to its cross-reference table.`;
  const offset = Number(startxref[1]);
  if (offset >= bytes.length) return `${incomplete}: its cross-reference pointer lies beyond the end of the file.`;
  const atOffset = bytes.subarray(offset, offset + 200).toString('latin1').replace(/^\s+/, '');
  const xrefTable = atOffset.startsWith('xref');
  const xrefStream = /^\d+\s+\d+\s+obj\b[\s\S]*\/Type\s*\/XRef\b/.test(atOffset);
  if (!xrefTable && !xrefStream) return `${incomplete}: its cross-reference pointer does not point at a cross-reference table.`;
  if (!pdfHasPage(bytes)) return 'The PDF has no pages.';
  return null;
}

const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z])/;

/** A page object in the file's plain text, or inside one of its compressed object streams (PDF 1.5+). */
function pdfHasPage(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  if (PAGE_OBJECT.test(text)) return true;
  // Object streams: "<< /Type /ObjStm ... /Filter /FlateDecode ... >> stream\r?\n<data>endstream".
  const objStm = /<<((?:(?!>>\s*stream)[\s\S])*?\/Type\s*\/ObjStm[\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = objStm.exec(text); m; m = objStm.exec(text)) {
    const dict = m[1]!;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) continue;
    if (!/\/Filter\s*\/FlateDecode\b/.test(dict)) continue;
    try {
      if (PAGE_OBJECT.test(inflateSync(bytes.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1'))) return true;
    } catch {
      // A damaged stream hides no page; keep looking in the others.
    }
  }
  // An encrypted file's object streams cannot be read here; its structure was sound, so it is given the benefit.
  return /\/Encrypt\s/.test(text.slice(Math.max(0, text.length - 4 * PDF_TAIL_WINDOW)));
}

// JPEG (ITU T.81, B.1): SOI, marker segments with lengths, a frame header (SOF), scans of entropy-coded data, EOI.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegProblem(bytes: Buffer): string | null {
  const incomplete = 'The JPEG image is incomplete or damaged';
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return `${incomplete}: it does not start with a JPEG start-of-image marker.`;
  let pos = 2;
  let frame = false;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return `${incomplete}: a marker is missing at byte ${pos}.`;
    while (bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= bytes.length) break;
    const marker = bytes[pos++]!;
    if (marker === 0xd9) return frame ? null : `${incomplete}: it has no image frame (SOF).`;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (pos + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) break;
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) return `${incomplete}: its frame header is too short.`;
      const width = bytes.readUInt16BE(pos + 5);
      const components = bytes[pos + 7]!;
      if (width === 0 || components < 1 || components > 4 || length !== 8 + 3 * components) return `${incomplete}: its frame header is not valid.`;
      frame = true;
    }
    pos += length;
    if (marker === 0xda) {
      if (!frame) return `${incomplete}: a scan comes before the image frame (SOF).`;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (pos + 1 < bytes.length && !(bytes[pos] === 0xff && bytes[pos + 1] !== 0x00 && !(bytes[pos + 1]! >= 0xd0 && bytes[pos + 1]! <= 0xd7) && bytes[pos + 1] !== 0xff)) pos++;
      if (pos + 1 >= bytes.length) break;
    }
  }
  return `${incomplete}: it ends before its end-of-image marker; it may have been cut off.`;
}

// PNG (ISO 15948, 5): signature, IHDR first, chunks with CRCs, at least one IDAT, IEND last.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function pngProblem(bytes: Buffer): string | null {
  const incomplete = 'The PNG image is incomplete or damaged';
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return `${incomplete}: it has no PNG signature.`;
  let pos = 8;
  let first = true;
  let imageData = false;
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8).toString('latin1');
    const dataEnd = pos + 8 + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) break;
    if (crc32(bytes.subarray(pos + 4, dataEnd)) !== bytes.readUInt32BE(dataEnd)) return `${incomplete}: the checksum of its ${type} chunk is wrong.`;
    if (first) {
      if (type !== 'IHDR' || length !== 13) return `${incomplete}: it does not start with an image header (IHDR).`;
      const width = bytes.readUInt32BE(pos + 8);
      const height = bytes.readUInt32BE(pos + 12);
      const depth = bytes[pos + 16]!;
      const colour = bytes[pos + 17]!;
      if (width === 0 || height === 0 || !PNG_BIT_DEPTHS[colour]?.includes(depth)) return `${incomplete}: its image header (IHDR) is not valid.`;
      first = false;
    }
    if (type === 'IDAT') imageData = true;
    pos = dataEnd + 4;
    if (type === 'IEND') {
      if (!imageData) return `${incomplete}: it has no image data (IDAT).`;
      return pos === bytes.length ? null : `${incomplete}: it has data after its end (IEND).`;
    }
  }
  return `${incomplete}: it ends before its end chunk (IEND); it may have been cut off.`;
}
