import { expect } from 'chai';
import { AppError } from '../../domain/errors.js';
import { attendanceFromJson, detectDelimiter, parseAttendanceCsv, resultsCsv, toRegistrationNumber } from './attendance-list.js';

const opts = { digits: 9, maxRows: 5 };
const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
};

describe('attendance list', () => {
  it('reads numbers from the first column with ; or , and a header row, and gives back dropped leading zeros', () => {
    const rows = parseAttendanceCsv(Buffer.from('registratienummer;naam\n000100001;Sanne\n100002;"Emre; Ö"\n\n000100003\n'), opts);
    expect(rows.map((r) => [r.rowNumber, r.registrationNumber])).to.deep.equal([
      [2, '000100001'],
      [3, '000100002'],
      [5, '000100003'],
    ]);
    expect(rows[1]!.raw).to.equal('100002;"Emre; Ö"');
    expect(parseAttendanceCsv(Buffer.from('000100001,Sanne\r\n000100002,Emre\r\n'), opts).map((r) => r.registrationNumber)).to.deep.equal(['000100001', '000100002']);
  });

  it('accepts UTF-8 with a BOM and refuses anything that is not UTF-8', () => {
    expect(parseAttendanceCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('nummer\n000100001\n')]), opts)).to.have.length(1);
    expect(codeOf(() => parseAttendanceCsv(Buffer.from([0x30, 0x30, 0xe9, 0x0a]), opts))).to.equal('attendance_not_utf8');
    // UTF-16 as Excel's "Unicode text" writes it.
    expect(codeOf(() => parseAttendanceCsv(Buffer.from('\ufeff000100001\n', 'utf16le'), opts))).to.equal('attendance_not_utf8');
  });

  it('marks garbage rows invalid instead of refusing the file', () => {
    const rows = parseAttendanceCsv(Buffer.from('000100001\nhello\n12\n0001000019999\n=cmd()\n'), opts);
    expect(rows.map((r) => r.registrationNumber)).to.deep.equal(['000100001', null, null, null, null]);
  });

  it('refuses more rows than the limit, and an empty list', () => {
    expect(codeOf(() => parseAttendanceCsv(Buffer.from('000100001\n'.repeat(6)), opts))).to.equal('attendance_too_many_rows');
    expect(codeOf(() => parseAttendanceCsv(Buffer.from('nummer\n\n'), opts))).to.equal('attendance_empty');
    expect(codeOf(() => attendanceFromJson(Array(6).fill('000100001'), opts))).to.equal('attendance_too_many_rows');
  });

  it('refuses a file that is not CSV at all (an unclosed quote), naming the line', () => {
    expect(codeOf(() => parseAttendanceCsv(Buffer.from('000100001\n"000100002\n000100003\n'), opts))).to.equal('attendance_unreadable');
    expect(codeOf(() => parseAttendanceCsv(Buffer.from('000100001\u0000\n'), opts))).to.equal('attendance_not_utf8');
  });

  it('detects the delimiter from the first line outside quotes', () => {
    expect(detectDelimiter('a;b\n')).to.equal(';');
    expect(detectDelimiter('a,b\n')).to.equal(',');
    expect(detectDelimiter('"a;b",c\n')).to.equal(',');
    expect(detectDelimiter('000100001\n')).to.equal(';');
  });

  it('normalises numbers written with separators', () => {
    expect(toRegistrationNumber(' 000 100 001 ', 9)).to.equal('000100001');
    expect(toRegistrationNumber('100.001', 9)).to.equal('000100001');
    expect(toRegistrationNumber('1e5', 9)).to.equal(null);
  });

  it('writes results as CSV that spreadsheets read as text', () => {
    const csv = resultsCsv([{ rowNumber: 2, raw: '=HYPERLINK("x")', registrationNumber: null, outcome: 'invalid_row' }], ['rij', 'invoer', 'nummer', 'uitkomst'], (o) => o);
    expect(csv.startsWith('\uFEFFrij;invoer;nummer;uitkomst\r\n')).to.equal(true);
    expect(csv).to.contain(`2;"'=HYPERLINK(""x"")";;invalid_row`);
  });
});
