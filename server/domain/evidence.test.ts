import { expect } from 'chai';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { buildPdf, buildPdfWithObjectStreams, JPEG, PDF, PDF_HEADER_ONLY, PNG } from '../../tests/helpers/files.js';
import { readPdf } from '../../tests/helpers/pdf.js';
import { cleanFileName, evidenceStructureProblem } from './evidence.js';

/** A real PDF as a library writes it: pdfkit, one page with text. */
function pdfkitPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Diploma' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Diploma Hbo Social Work');
    doc.end();
  });
}

const pdfProblem = (b: Buffer) => evidenceStructureProblem('application/pdf', b);
const jpegProblem = (b: Buffer) => evidenceStructureProblem('image/jpeg', b);
const pngProblem = (b: Buffer) => evidenceStructureProblem('image/png', b);

describe('evidence', () => {
  describe('cleanFileName', () => {
    it('keeps the base name without control or text-direction characters', () => {
      expect(cleanFileName('C:\\scans\\diploma\u0000.pdf')).to.equal('diploma.pdf');
      expect(cleanFileName('vog\u202efdp.exe')).to.equal('vogfdp.exe');
      expect(cleanFileName('\u2066\u2069')).to.equal('bestand');
    });
  });

  describe('PDF structure', () => {
    it('accepts a PDF written by pdfkit, and the test fixtures, which pdf.js opens with one page', async () => {
      const real = await pdfkitPdf();
      expect(pdfProblem(real)).to.equal(null);
      for (const pdf of [PDF, buildPdfWithObjectStreams()]) {
        expect(pdfProblem(pdf)).to.equal(null);
        expect((await readPdf(pdf)).pages).to.equal(1);
      }
    });

    it('finds the page inside a compressed object stream behind a cross-reference stream', () => {
      const pdf = buildPdfWithObjectStreams();
      expect(pdf.toString('latin1')).to.not.match(/\/Type\s*\/Page[^s]/);
      expect(pdfProblem(pdf)).to.equal(null);
    });

    it('refuses the five bytes %PDF-', () => {
      expect(pdfProblem(PDF_HEADER_ONLY)).to.match(/no valid PDF header/);
      expect(pdfProblem(Buffer.from('%PDF-1.7\n'))).to.match(/no end-of-file marker/);
    });

    it('refuses a PDF that was cut off', async () => {
      const real = await pdfkitPdf();
      expect(pdfProblem(real.subarray(0, real.length - 8))).to.match(/no end-of-file marker/);
      expect(pdfProblem(real.subarray(0, Math.floor(real.length / 2)))).to.match(/cut off/);
    });

    it('refuses a PDF whose startxref is missing or points elsewhere', () => {
      const text = PDF.toString('latin1');
      expect(pdfProblem(Buffer.from(text.replace(/startxref\n\d+/, ''), 'latin1'))).to.match(/no startxref/);
      expect(pdfProblem(Buffer.from(text.replace(/startxref\n(\d+)/, (_m, n: string) => `startxref\n${Number(n) - 20}`), 'latin1'))).to.match(/does not point at a cross-reference/);
      expect(pdfProblem(Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n99999999'), 'latin1'))).to.match(/beyond the end/);
    });

    it('refuses a PDF without pages', () => {
      expect(pdfProblem(buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']))).to.equal('The PDF has no pages.');
    });
  });

  describe('JPEG structure', () => {
    it('accepts a baseline JPEG with frame, tables, scan and end marker', () => {
      expect(jpegProblem(JPEG)).to.equal(null);
    });

    it('refuses a JPEG without an image frame (start and end markers only)', () => {
      expect(jpegProblem(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'))).to.match(/no image frame/);
    });

    it('refuses a JPEG that was cut off, anywhere', () => {
      for (let cut = 3; cut < JPEG.length; cut += 7) expect(jpegProblem(JPEG.subarray(0, cut)), `cut at ${cut}`).to.be.a('string');
      expect(jpegProblem(JPEG.subarray(0, JPEG.length - 2))).to.match(/end-of-image marker/);
      expect(jpegProblem(Buffer.from('ffd8ff', 'hex'))).to.be.a('string');
    });

    it('refuses a segment length that runs past the end', () => {
      const broken = Buffer.from(JPEG);
      broken.writeUInt16BE(0xfff0, 4); // the APP0 length
      expect(jpegProblem(broken)).to.match(/cut off/);
    });
  });

  describe('PNG structure', () => {
    it('accepts a PNG written by a library (a QR code) and the test fixture', async () => {
      expect(pngProblem(await QRCode.toBuffer('https://vakregister.example.nl/verify/100000001', { type: 'png' }))).to.equal(null);
      expect(pngProblem(PNG)).to.equal(null);
    });

    it('refuses a PNG that was cut off', () => {
      for (let cut = 8; cut < PNG.length; cut += 5) expect(pngProblem(PNG.subarray(0, cut)), `cut at ${cut}`).to.be.a('string');
      expect(pngProblem(PNG.subarray(0, 8))).to.match(/end chunk \(IEND\)/);
    });

    it('refuses a wrong chunk checksum, a first chunk other than IHDR and data after IEND', () => {
      const crc = Buffer.from(PNG);
      crc.writeUInt8(crc.readUInt8(29) ^ 0xff, 29); // IHDR's CRC
      expect(pngProblem(crc)).to.match(/checksum of its IHDR chunk/);
      const idatFirst = Buffer.concat([PNG.subarray(0, 8), PNG.subarray(8 + 25)]);
      expect(pngProblem(idatFirst)).to.match(/image header \(IHDR\)/);
      expect(pngProblem(Buffer.concat([PNG, Buffer.from('PK\u0003\u0004')]))).to.match(/data after its end/);
    });
  });
});
