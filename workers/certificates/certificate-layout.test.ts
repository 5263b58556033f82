import { expect } from 'chai';
import { readPdf as pdfText } from '../../tests/helpers/pdf.js';
import type { CertificateSnapshot } from '../../server/db/repositories/certificates.repository.js';
import { certificateVerifyUrl, formatCertificateDate, renderCertificatePdf } from './certificate-layout.js';


const snapshot: CertificateSnapshot = {
  registrationNumber: '100000001',
  name: 'Fatma Yılmaz',
  register: { code: 'sociaal-werk', name: 'Register Sociaal Werk' },
  status: 'registered',
  variants: [
    { code: 'sociaal-werker', name: 'Sociaal werker', nameEn: 'Social worker', kind: 'generalist' },
    { code: 'jeugd-gezin', name: 'Jeugd- en gezinsprofessional', nameEn: 'Youth and family professional', kind: 'specialist' },
  ],
  registeredSince: '2022-02-03',
  validFrom: '2024-03-15',
  validUntil: '2029-03-14',
};
const input = { snapshot, revision: 3, verificationCode: 'K7QH3MZP9X', issuedOn: '2025-11-21', publicUrl: 'https://vakregister.example.nl/' };

describe('certificate layout', () => {
  it('formats legal dates in Dutch and English without time zones', () => {
    expect(formatCertificateDate('2029-03-14', 'nl')).to.equal('14 maart 2029');
    expect(formatCertificateDate('2029-03-14', 'en')).to.equal('14 March 2029');
    expect(formatCertificateDate('2024-01-01', 'nl')).to.equal('1 januari 2024');
    expect(formatCertificateDate(null, 'en')).to.equal('—');
    expect(() => formatCertificateDate('2024-02-30', 'nl')).to.throw(RangeError);
  });

  it('links to the verify page of the number with the code', () => {
    expect(certificateVerifyUrl('https://vakregister.example.nl/', '100000001', 'K7QH3MZP9X')).to.equal('https://vakregister.example.nl/verify/100000001?code=K7QH3MZP9X');
  });

  it('renders one small A4 page with the facts in Dutch and English, fonts embedded', async () => {
    const pdf = await renderCertificatePdf(input);
    expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
    expect(pdf.length).to.be.lessThan(200 * 1024);
    const { pages, text, title } = await pdfText(pdf);
    expect(pages).to.equal(1);
    for (const expected of [
      'Registratiebewijs',
      'Certificate of registration',
      'Register Sociaal Werk',
      'Fatma Yılmaz',
      '100000001',
      'Geregistreerd',
      'Sociaal werker (basisregistratie)',
      'Youth and family professional (specialist registration)',
      '15 maart 2024 – 14 maart 2029',
      '15 March 2024 – 14 March 2029',
      '3 februari 2022',
      'K7QH3MZP9X',
      'https://vakregister.example.nl/verify/100000001?code=K7QH3MZP9X',
      'Uitgegeven op 21 november 2025 · revisie 3',
      'Issued on 21 November 2025 · revision 3',
    ]) {
      expect(text, expected).to.include(expected);
    }
    expect(title).to.equal('Registratiebewijs 100000001 (revisie 3)');
    // Subset TrueType fonts, never the 14 standard fonts (which cannot show ı and friends).
    expect(pdf.toString('latin1')).to.match(/\/FontFile2/).and.not.match(/\/BaseFont \/Helvetica/);
  });

  it('renders the same revision to the same bytes', async () => {
    const [a, b] = await Promise.all([renderCertificatePdf(input), renderCertificatePdf(input)]);
    expect(a.equals(b)).to.equal(true);
  });

  it('keeps a long list of variants readable by moving the verification panel to a second page', async () => {
    const many: CertificateSnapshot = {
      ...snapshot,
      name: 'Maria Magdalena Johanna Wilhelmina van der Heijden-Oudshoorn-Vlaardingerbroek',
      variants: [
        ...snapshot.variants,
        { code: 'maatschappelijk-werk', name: 'Maatschappelijk werker', nameEn: 'Social worker (maatschappelijk werk)', kind: 'specialist' },
        { code: 'schuldhulpverlening', name: 'Schuldhulpverlener', nameEn: 'Debt counsellor', kind: 'specialist' },
        { code: 'ggz-agoog', name: 'GGZ-agoog', nameEn: 'Mental health social worker (GGZ-agoog)', kind: 'specialist' },
      ],
    };
    const pdf = await renderCertificatePdf({ ...input, snapshot: many });
    const { pages, text } = await pdfText(pdf);
    expect(pages).to.be.at.most(2);
    expect(text).to.include('GGZ-agoog (specialisatie)').and.include('K7QH3MZP9X');
  });
});
