/**
 * Legal dates (cycle ends, deadlines, decision dates) are calendar dates, not instants.
 * They travel as 'YYYY-MM-DD' strings and are computed without time zones.
 */
export type PlainDate = string;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlainDate(value: string): boolean {
  const m = PLAIN_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parts(value: PlainDate): [number, number, number] {
  if (!isPlainDate(value)) throw new RangeError(`not a plain date: ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): PlainDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(value: PlainDate, days: number): PlainDate {
  const [y, m, d] = parts(value);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day (29 Feb + 1y = 28 Feb). */
export function addMonths(value: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(value);
  const totalMonths = y * 12 + (m - 1) + months;
  const ty = Math.floor(totalMonths / 12);
  const tm = (totalMonths % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return format(ty, tm, Math.min(d, lastDay));
}

export function addYears(value: PlainDate, years: number): PlainDate {
  return addMonths(value, years * 12);
}

export function comparePlainDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const MINUTE_MS = 60_000;

interface DayInZone {
  formatter: Intl.DateTimeFormat;
  /** The last answer and the minute it holds for: a date only changes on a whole minute in every time zone. */
  minuteStart: number;
  date: PlainDate;
}

const dayInZone = new Map<string, DayInZone>();

/** Today's date as people in the register's time zone read it. */
export function todayIn(timeZone: string, now: Date = new Date()): PlainDate {
  const ms = now.getTime();
  const minuteStart = ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  let zone = dayInZone.get(timeZone);
  if (!zone) {
    // Building a formatter costs tens of microseconds; one per time zone serves every request. en-CA: YYYY-MM-DD.
    const formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zone = { formatter, minuteStart: Number.NaN, date: '' };
    dayInZone.set(timeZone, zone);
  }
  // Formatting is still several microseconds; the public register asks on every request.
  if (zone.minuteStart !== minuteStart) {
    zone.date = zone.formatter.format(now);
    zone.minuteStart = minuteStart;
  }
  return zone.date;
}
