export type Lang = 'nl' | 'en';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(lang: string): Intl.DateTimeFormat {
  const locale = lang === 'en' ? LOCALES.en : LOCALES.nl;
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    });
    formatters.set(locale, f);
  }
  return f;
}

/**
 * Parse an ISO date. A plain calendar date (YYYY-MM-DD) becomes 12:00 UTC of that day, which is the
 * same calendar day in Europe/Amsterdam (UTC+1/+2), so it never shifts a day. Full timestamps are
 * parsed as instants. Returns null for invalid input.
 */
export function parseIsoDate(isoDate: string): Date | null {
  const m = PLAIN_DATE.exec(isoDate);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const date = new Date(Date.UTC(y, mo - 1, d, 12, 0, 0));
    // Reject impossible dates such as 2023-02-30 (Date would roll them over).
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return date;
  }
  const date = new Date(isoDate);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Format an ISO date the way Dutch (or English) readers expect, e.g. "1 januari 2025". */
export function formatDate(isoDate: string, lang: string): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return formatterFor(lang).format(date);
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

function numberFormatterFor(lang: string, maximumFractionDigits: number): Intl.NumberFormat {
  const locale = lang === 'en' ? LOCALES.en : LOCALES.nl;
  const key = `${locale}:${maximumFractionDigits}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormatters.set(key, f);
  }
  return f;
}

/** A number with Dutch (or English) grouping, e.g. 2.080 in Dutch, 2,080 in English. */
export function formatNumber(value: number, lang: string): string {
  return numberFormatterFor(lang, 2).format(value);
}

/** A file size such as "512 B", "12,3 kB" or "1,5 MB" (1 kB = 1024 B, as the upload limit of 10 MB is meant). */
export function formatBytes(bytes: number, lang: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return String(bytes);
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${numberFormatterFor(lang, unit === 0 ? 0 : 1).format(value)} ${units[unit]}`;
}
