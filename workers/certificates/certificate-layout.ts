import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateSnapshot } from '../../server/db/repositories/certificates.repository.js';
import { isPlainDate, type PlainDate } from '../../server/domain/plain-date.js';
import { COLOR, collectPdf, FONTS } from '../pdf/pdf-document.js';

export interface CertificateLayoutInput {
  snapshot: CertificateSnapshot;
  revision: number;
  verificationCode: string;
  issuedOn: PlainDate;
  /** The public site, e.g. https://vakregister.nl (no trailing slash needed). */
  publicUrl: string;
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2029-03-14" → "14 maart 2029" / "14 March 2029"; calendar dates, so no time zone is involved. */
export function formatCertificateDate(value: PlainDate | null, locale: 'nl' | 'en'): string {
  if (value === null) return '—';
  if (!isPlainDate(value)) throw new RangeError(`not a plain date: ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return `${d} ${(locale === 'nl' ? MONTHS_NL : MONTHS_EN)[m - 1]} ${y}`;
}

const STATUS_LABELS: Record<string, { nl: string; en: string }> = {
  registered: { nl: 'Geregistreerd', en: 'Registered' },
  suspended: { nl: 'Geschorst', en: 'Suspended' },
  struck_off: { nl: 'Doorgehaald', en: 'Struck off' },
  lapsed: { nl: 'Verlopen', en: 'Lapsed' },
  withdrawn: { nl: 'Uitgeschreven', en: 'Withdrawn' },
};

const KIND_LABELS: Record<CertificateSnapshot['variants'][number]['kind'], { nl: string; en: string }> = {
  generalist: { nl: 'basisregistratie', en: 'general registration' },
  specialist: { nl: 'specialisatie', en: 'specialist registration' },
};

/** The link printed on the certificate and held by its QR code. */
export function certificateVerifyUrl(publicUrl: string, registrationNumber: string, verificationCode: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(registrationNumber)}?code=${encodeURIComponent(verificationCode)}`;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const LABEL_WIDTH = 140;
const VALUE_X = PAGE.margin + LABEL_WIDTH + 14;
const VALUE_WIDTH = PAGE.width - PAGE.margin - VALUE_X;

/**
 * Renders one certificate revision as an A4 PDF: Dutch first, English beneath in a smaller, lighter line.
 * Everything comes from the frozen snapshot and the revision's own fields, and the document dates are the
 * issue date, so rendering the same revision twice gives the same bytes.
 */
export async function renderCertificatePdf(input: CertificateLayoutInput): Promise<Buffer> {
  const { snapshot, revision, verificationCode, issuedOn } = input;
  const verifyUrl = certificateVerifyUrl(input.publicUrl, snapshot.registrationNumber, verificationCode);
  const issuedAt = new Date(`${issuedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    // A small bottom margin: the footer sits low, and pdfkit would otherwise start a second page for it.
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 20 },
    font: FONTS.regular,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: `Registratiebewijs ${snapshot.registrationNumber} (revisie ${revision})`,
      Author: 'Vakregister',
      Subject: `${snapshot.register.name} — ${snapshot.name}`,
      Creator: 'Vakregister',
      Producer: 'Vakregister',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const done = collectPdf(doc);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);

  /** Dutch line, then its English counterpart beneath; returns the y below both. */
  const bilingual = (nl: string, en: string, x: number, y: number, opts: { size: number; width: number; bold?: boolean; color?: string }): number => {
    doc.font(opts.bold ? 'bold' : 'regular').fontSize(opts.size).fillColor(opts.color ?? COLOR.ink);
    doc.text(nl, x, y, { width: opts.width });
    const enSize = Math.max(7, Math.round(opts.size * 0.78 * 10) / 10);
    doc.font('regular').fontSize(enSize).fillColor(COLOR.muted);
    doc.text(en, x, doc.y + 1, { width: opts.width });
    return doc.y;
  };
  const rule = (y: number, color: string = COLOR.rule, width = 0.75): void => {
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(width).strokeColor(color).stroke();
  };

  // Header: a quiet band, the register and the issuer.
  doc.rect(0, 0, PAGE.width, 10).fill(COLOR.accent);
  doc.font('bold').fontSize(11).fillColor(COLOR.accent).text(snapshot.register.name.toUpperCase(), PAGE.margin, 44, { width: CONTENT_WIDTH * 0.7 });
  doc.font('regular').fontSize(9).fillColor(COLOR.muted).text('Vakregister', PAGE.margin, 46, { width: CONTENT_WIDTH, align: 'right' });
  rule(66);

  // Title and whom it is about.
  doc.font('bold').fontSize(28).fillColor(COLOR.accent).text('Registratiebewijs', PAGE.margin, 92, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(14).fillColor(COLOR.muted).text('Certificate of registration', PAGE.margin, doc.y + 2, { width: CONTENT_WIDTH });

  let y = bilingual('Hierbij wordt verklaard dat', 'This is to certify that', PAGE.margin, doc.y + 22, { size: 11, width: CONTENT_WIDTH });
  doc.font('bold').fontSize(22).fillColor(COLOR.ink).text(snapshot.name, PAGE.margin, y + 10, { width: CONTENT_WIDTH });
  y = bilingual(`is opgenomen in het ${snapshot.register.name}`, `is listed in the ${snapshot.register.name}`, PAGE.margin, doc.y + 8, { size: 11, width: CONTENT_WIDTH });

  // The facts, one row each: bilingual label left, value right.
  y += 20;
  rule(y);
  const row = (labelNl: string, labelEn: string, drawValue: (top: number) => number): void => {
    const top = y + 9;
    const labelBottom = bilingual(labelNl, labelEn, PAGE.margin, top, { size: 9.5, width: LABEL_WIDTH, color: COLOR.muted });
    const valueBottom = drawValue(top);
    y = Math.max(labelBottom, valueBottom) + 9;
    rule(y);
  };
  row('Registratienummer', 'Registration number', (top) => {
    doc.font('bold').fontSize(15).fillColor(COLOR.ink).text(snapshot.registrationNumber, VALUE_X, top - 1, { width: VALUE_WIDTH });
    return doc.y;
  });
  const status = STATUS_LABELS[snapshot.status] ?? { nl: snapshot.status, en: snapshot.status };
  row('Status', 'Status', (top) => bilingual(status.nl, status.en, VALUE_X, top, { size: 11.5, width: VALUE_WIDTH, bold: true }));
  row('Registratie', 'Registration', (top) => {
    let bottom = top;
    for (const [i, v] of snapshot.variants.entries()) {
      const kind = KIND_LABELS[v.kind];
      bottom = bilingual(`${v.name} (${kind.nl})`, `${v.nameEn} (${kind.en})`, VALUE_X, i === 0 ? top : bottom + 5, { size: 11.5, width: VALUE_WIDTH, bold: true });
    }
    return bottom;
  });
  const dateRow = (labelNl: string, labelEn: string, value: PlainDate | null): void =>
    row(labelNl, labelEn, (top) => bilingual(formatCertificateDate(value, 'nl'), formatCertificateDate(value, 'en'), VALUE_X, top, { size: 11.5, width: VALUE_WIDTH }));
  dateRow('Ingeschreven sinds', 'Registered since', snapshot.registeredSince);
  row('Geldig van – tot en met', 'Valid from – until', (top) =>
    bilingual(
      `${formatCertificateDate(snapshot.validFrom, 'nl')} – ${formatCertificateDate(snapshot.validUntil, 'nl')}`,
      `${formatCertificateDate(snapshot.validFrom, 'en')} – ${formatCertificateDate(snapshot.validUntil, 'en')}`,
      VALUE_X,
      top,
      { size: 11.5, width: VALUE_WIDTH },
    ),
  );

  // Verification panel: QR code, code and link, above the footer; a long list of variants pushes it to a second page.
  const footerTop = 762;
  const qrSize = 112;
  const pad = 14;
  const panelHeight = qrSize + 2 * pad + 24;
  let panelTop = Math.max(y + 26, 560);
  if (panelTop + panelHeight > footerTop - 16) {
    doc.addPage();
    panelTop = PAGE.margin;
  }
  doc.roundedRect(PAGE.margin, panelTop, CONTENT_WIDTH, panelHeight, 6).fill(COLOR.panel);
  drawQr(doc, verifyUrl, PAGE.margin + pad, panelTop + pad, qrSize);
  const textX = PAGE.margin + pad + qrSize + 20;
  const textWidth = PAGE.width - PAGE.margin - pad - textX;
  let ty = bilingual('Controleer dit bewijs', 'Verify this certificate', textX, panelTop + pad, { size: 12, width: textWidth, bold: true, color: COLOR.accent });
  ty = bilingual(
    'Scan de QR-code of open de link. Het openbare register toont altijd de actuele registratie.',
    'Scan the QR code or open the link. The public register always shows the current registration.',
    textX,
    ty + 6,
    { size: 8.5, width: textWidth },
  );
  ty = bilingual('Verificatiecode', 'Verification code', textX, ty + 10, { size: 8.5, width: textWidth, color: COLOR.muted });
  // No letter spacing: text extraction would turn it into spaces, and the code must copy as typed.
  doc.font('mono').fontSize(18).fillColor(COLOR.ink).text(verificationCode, textX, ty + 3, { width: textWidth });
  doc.font('regular').fontSize(8).fillColor(COLOR.accent).text(verifyUrl, PAGE.margin + pad, panelTop + pad + qrSize + 12, {
    width: CONTENT_WIDTH - 2 * pad,
    link: verifyUrl,
    lineBreak: false,
  });

  // Footer: issue date and revision; a newer revision replaces this one.
  rule(footerTop);
  const issued = bilingual(
    `Uitgegeven op ${formatCertificateDate(issuedOn, 'nl')} · revisie ${revision}`,
    `Issued on ${formatCertificateDate(issuedOn, 'en')} · revision ${revision}`,
    PAGE.margin,
    footerTop + 10,
    { size: 9, width: CONTENT_WIDTH * 0.62 },
  );
  bilingual('Een nieuwere revisie vervangt dit bewijs.', 'A newer revision supersedes this certificate.', PAGE.margin, issued + 4, { size: 8, width: CONTENT_WIDTH * 0.62, color: COLOR.muted });
  doc.font('bold').fontSize(9).fillColor(COLOR.accent).text('Vakregister', PAGE.margin, footerTop + 10, { width: CONTENT_WIDTH, align: 'right' });

  doc.end();
  return done;
}

/** Vector QR code: one filled square per dark module, so it stays sharp at any zoom and adds almost nothing. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < count; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill(COLOR.ink);
}
