import type { CategoryProgress, CpdProgress, MissingItem, ProgressItem } from '../../api/cpd-types.js';
import { formatDate, formatNumber } from '../../lib/format.js';

/** The translate function this module needs (i18next's t fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

type Lang = 'nl' | 'en';
const langOf = (lang: string): Lang => (lang === 'en' ? 'en' : 'nl');

/**
 * Every point that does not count, in words: one sentence per reason the API gives, plus staff's own reason when
 * there is one. The progress screen and the tests both use this, so what the screen says is what the API says.
 */
export function explainItem(item: ProgressItem, category: Pick<CategoryProgress, 'unit' | 'caps' | 'minSessionMinutes'>, t: Translate, lang: string): string[] {
  const l = langOf(lang);
  const lines: string[] = [];
  for (const n of item.notCounted) {
    const cap = n.capCode ? (category.caps.find((c) => c.code === n.capCode)?.name[l] ?? n.capCode) : '';
    // The count picks the Dutch verb and unit ("1 punt telt", "6 punten tellen"; "1 point does", "6 points do").
    const unit = t(`cpd.unit.${category.unit}`, { count: n.points });
    lines.push(t(`cpd.reason.${n.reason}`, { amount: formatNumber(n.points, l), unit, cap, minutes: category.minSessionMinutes ?? '', count: n.points }));
    if (n.staffReason) lines.push(t('cpd.reason.staff', { reason: n.staffReason }));
  }
  return lines;
}

/** "nog 12 punten reflectie vóór 14 maart 2031" for one missing item. */
export function missingText(m: MissingItem, progress: Pick<CpdProgress, 'norms'>, t: Translate, lang: string): string {
  const l = langOf(lang);
  const norm = progress.norms.find((n) => n.variantCode === m.variantCode);
  const category = norm?.categories.find((c) => c.code === m.category);
  const categoryName = (category?.name[l] ?? m.category).toLowerCase();
  const floorName = m.floor ? (category?.floors.find((f) => f.code === m.floor)?.name[l] ?? m.floor).toLowerCase() : '';
  const amount = formatNumber(m.code === 'hours_missing' ? (m.hours ?? 0) : (m.points ?? 0), l);
  const key = `cpd.missing.${m.code === 'hours_missing' ? 'hours' : 'points'}${m.floor ? 'Floor' : ''}`;
  const text = t(key, { amount, category: categoryName, floor: floorName, date: formatDate(m.before, l) });
  if (norm?.specialist) return t('cpd.missing.forVariant', { variant: l === 'en' ? norm.variantNameEn : norm.variantName, text });
  return text;
}

/** The share of the bar: counted, then pending after it, never past the whole. */
export function barShares(c: Pick<CategoryProgress, 'counted' | 'pending' | 'required'>): { counted: number; pending: number } {
  if (c.required <= 0) return { counted: 100, pending: 0 };
  const counted = Math.min(100, (c.counted / c.required) * 100);
  const pending = Math.min(100 - counted, (c.pending / c.required) * 100);
  return { counted, pending };
}
