import { parse } from 'csv-parse/sync';
import { AppError } from '../../domain/errors.js';

/**
 * Reading an attendance list (pure: bytes or strings in, rows out), before anything is booked.
 *
 * CSV: UTF-8 with or without a BOM (anything else is refused whole: `attendance_not_utf8`), `;` or `,` as the
 * delimiter (whichever the first line has more of outside quotes), quoted fields as Excel writes them. The
 * registration number is in the first column; further columns (a name, an e-mail) are allowed and ignored, so a
 * provider can upload the list they keep. The first row is a header and skipped when its first cell has no digit
 * ("registratienummer"). Empty lines are skipped. Each row becomes its own outcome later; a row whose first cell
 * is not a registration number is `invalid_row`, never a reason to refuse the whole file.
 *
 * A number shorter than the register's digit count gets its leading zeros back: spreadsheets drop them
 * (000100001 → 100001), and a registration number is a string of fixed length.
 */

export interface ListRow {
  /** The line in the file (CSV) or the position in the array (JSON), from 1. */
  rowNumber: number;
  /** What the row said, as the provider will recognise it in the results (at most 200 characters). */
  raw: string;
  registrationNumber: string | null;
}

const RAW_MAX = 200;

/** Digits with optional spaces, dots or dashes as separators (1000.01 or 100-001 as some systems print them). */
export function toRegistrationNumber(cell: string, digits: number): string | null {
  const plain = cell.trim().replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(plain) || plain.length > digits) return null;
  // Fewer than four digits cannot be a number whose zeros were dropped; it is garbage.
  if (plain.replace(/^0+/, '').length < Math.min(4, digits)) return null;
  return plain.padStart(digits, '0');
}

export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const semis = firstLine.split(';').length - 1;
  const commas = firstLine.split(',').length - 1;
  return commas > semis ? ',' : ';';
}

export function decodeUtf8(bytes: Buffer): string {
  try {
    // fatal: an invalid sequence throws instead of becoming U+FFFD; the BOM, if any, is dropped.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('attendance_not_utf8', 'The file is not valid UTF-8. Save it as "CSV UTF-8" and upload it again; nothing was booked.');
  }
}

export function parseAttendanceCsv(bytes: Buffer, opts: { digits: number; maxRows: number }): ListRow[] {
  const text = decodeUtf8(bytes);
  if (text.includes('\u0000')) throw new AppError('attendance_not_utf8', 'The file contains NUL characters: it is not a text file; nothing was booked.');
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? null;
    throw new AppError('attendance_unreadable', `The file cannot be read as CSV${line ? ` (line ${line})` : ''}; nothing was booked.`, { line });
  }
  const out: ListRow[] = [];
  records.forEach((r, index) => {
    const first = r.record[0] ?? '';
    if (index === 0 && !/\d/.test(first)) return;
    const raw = r.raw.replace(/\r?\n$/, '').slice(0, RAW_MAX);
    if (r.record.every((c) => c.trim() === '')) return;
    out.push({ rowNumber: r.info.lines, raw, registrationNumber: toRegistrationNumber(first, opts.digits) });
  });
  checkRowCount(out.length, opts.maxRows);
  return out;
}

export function attendanceFromJson(numbers: readonly string[], opts: { digits: number; maxRows: number }): ListRow[] {
  checkRowCount(numbers.length, opts.maxRows);
  return numbers.map((n, i) => ({ rowNumber: i + 1, raw: n.slice(0, RAW_MAX), registrationNumber: toRegistrationNumber(n, opts.digits) }));
}

function checkRowCount(rows: number, maxRows: number): void {
  if (rows === 0) throw new AppError('attendance_empty', 'The list has no rows with a registration number.');
  if (rows > maxRows) throw new AppError('attendance_too_many_rows', `A list may have at most ${maxRows} rows; split it and upload the parts. Nothing was booked.`, { maxRows });
}

/** The results as CSV for download: the delimiter Dutch Excel expects, a BOM so it reads UTF-8, quoted where needed. */
export function resultsCsv(rows: ReadonlyArray<ListRow & { outcome: string }>, header: readonly [string, string, string, string], outcomeLabel: (o: string) => string): string {
  const cell = (v: string) => {
    // A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [header.map(cell).join(';'), ...rows.map((r) => [String(r.rowNumber), r.raw, r.registrationNumber ?? '', outcomeLabel(r.outcome)].map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
