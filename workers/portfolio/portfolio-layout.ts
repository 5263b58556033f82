import PDFDocument from 'pdfkit';
import type { CpdActivityView, PortfolioView } from '../../server/contract/cpd-activities.js';
import { formatCertificateDate } from '../certificates/certificate-layout.js';
import { COLOR, collectPdf, FONTS } from '../pdf/pdf-document.js';

/**
 * The portfolio as an A4 PDF: who, the cycle and its progress per norm and category, then per category every
 * activity with its points, status, what counted and why the rest did not (with staff's reasons). Dutch or
 * English as asked; the same numbers and reasons as GET /api/my/cpd/progress, since both come from one function.
 */

type Locale = 'nl' | 'en';

const TEXT = {
  nl: {
    title: 'CPD-portfolio',
    generated: 'Gemaakt op',
    number: 'Registratienummer',
    cycle: 'Registratieperiode',
    deadline: 'Uiterste datum herregistratie',
    noCycle: 'Er is (nog) geen registratieperiode om punten tegen te tellen.',
    summary: 'Voortgang',
    norm: (name: string) => `Norm: ${name}`,
    counted: (c: number, r: number, unit: string) => `${c} van ${r} ${unit} telt mee`,
    pending: (p: number, unit: string) => `${p} ${unit} in behandeling`,
    missing: (m: number, unit: string) => `nog ${m} ${unit} nodig`,
    complete: 'voldaan',
    cap: (name: string, max: number, above: number) => `${name}: maximaal ${max}${above > 0 ? `, ${above} erboven telt niet mee` : ''}`,
    floor: (name: string, min: number, got: number) => `${name}: minimaal ${min} (nu ${got})`,
    activities: 'Activiteiten',
    none: 'Geen activiteiten.',
    status: { pending: 'In behandeling', approved: 'Goedgekeurd', adjusted: 'Aangepast', rejected: 'Afgewezen' },
    countedLine: (c: number, p: number) => `Telt mee: ${c} van ${p}`,
    code: 'Accreditatiecode',
    reason: 'Reden',
    points: 'punten',
    hours: 'uur',
    reasons: {
      rejected: 'afgewezen',
      outside_cycle: 'buiten de registratieperiode',
      after_submission: 'na de herregistratie-aanvraag (telt in de volgende periode)',
      not_accredited_for_variant: 'niet geaccrediteerd voor deze specialisatie',
      session_too_short: 'sessie korter dan het minimum',
      session_length_missing: 'sessieduur ontbreekt',
      pending: 'nog niet beoordeeld',
      adjusted: 'aangepast door het register',
      above_cap: 'boven het maximum',
      category_not_in_norm: 'categorie hoort niet bij de norm',
    },
  },
  en: {
    title: 'CPD portfolio',
    generated: 'Generated on',
    number: 'Registration number',
    cycle: 'Cycle',
    deadline: 'Reregistration deadline',
    noCycle: 'There is no cycle (yet) to count points against.',
    summary: 'Progress',
    norm: (name: string) => `Norm: ${name}`,
    counted: (c: number, r: number, unit: string) => `${c} of ${r} ${unit} counted`,
    pending: (p: number, unit: string) => `${p} ${unit} pending`,
    missing: (m: number, unit: string) => `${m} ${unit} still needed`,
    complete: 'met',
    cap: (name: string, max: number, above: number) => `${name}: at most ${max}${above > 0 ? `, ${above} above it not counted` : ''}`,
    floor: (name: string, min: number, got: number) => `${name}: at least ${min} (now ${got})`,
    activities: 'Activities',
    none: 'No activities.',
    status: { pending: 'Pending', approved: 'Approved', adjusted: 'Adjusted', rejected: 'Rejected' },
    countedLine: (c: number, p: number) => `Counted: ${c} of ${p}`,
    code: 'Accreditation code',
    reason: 'Reason',
    points: 'points',
    hours: 'hours',
    reasons: {
      rejected: 'rejected',
      outside_cycle: 'outside the cycle',
      after_submission: 'after the reregistration request (counts in the next cycle)',
      not_accredited_for_variant: 'not accredited for this specialism',
      session_too_short: 'session shorter than the minimum',
      session_length_missing: 'session length missing',
      pending: 'not yet assessed',
      adjusted: 'adjusted by the register',
      above_cap: 'above the cap',
      category_not_in_norm: 'category not in the norm',
    },
  },
} as const;

const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
const WIDTH = PAGE.width - 2 * PAGE.margin;
const fmt = (n: number, locale: Locale) => n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });

export async function renderPortfolioPdf(portfolio: PortfolioView, locale: Locale): Promise<Buffer> {
  const T = TEXT[locale];
  const generatedOn = portfolio.generatedAt.slice(0, 10);
  const created = new Date(portfolio.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin },
    font: FONTS.regular,
    lang: locale === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: { Title: `${T.title} ${portfolio.person.registrationNumber ?? ''}`.trim(), Author: 'Vakregister', Creator: 'Vakregister', Producer: 'Vakregister', CreationDate: created, ModDate: created },
  });
  const done = collectPdf(doc);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);

  const text = (s: string, opts: { size?: number; bold?: boolean; color?: string; indent?: number; gap?: number } = {}) => {
    doc
      .font(opts.bold ? 'bold' : 'regular')
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? COLOR.ink);
    doc.text(s, PAGE.margin + (opts.indent ?? 0), doc.y + (opts.gap ?? 0), { width: WIDTH - (opts.indent ?? 0) });
  };
  const rule = () => {
    const y = doc.y + 4;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
    doc.y = y + 6;
  };
  const bar = (counted: number, pending: number, required: number) => {
    const y = doc.y + 4;
    const h = 8;
    const total = Math.max(required, 1);
    doc.rect(PAGE.margin, y, WIDTH, h).fill(COLOR.panel);
    const cw = Math.min(1, counted / total) * WIDTH;
    if (cw > 0) doc.rect(PAGE.margin, y, cw, h).fill(COLOR.accent);
    const pw = Math.min(1 - Math.min(1, counted / total), pending / total) * WIDTH;
    if (pw > 0) doc.rect(PAGE.margin + cw, y, pw, h).fill(COLOR.rule);
    doc.y = y + h + 4;
  };

  doc.rect(0, 0, PAGE.width, 10).fill(COLOR.accent);
  doc.y = PAGE.margin;
  text(T.title, { size: 24, bold: true, color: COLOR.accent });
  text(portfolio.person.name, { size: 14, bold: true, gap: 6 });
  if (portfolio.person.registrationNumber) text(`${T.number}: ${portfolio.person.registrationNumber}`, { color: COLOR.muted });
  text(`${T.generated} ${formatCertificateDate(generatedOn, locale)}`, { color: COLOR.muted });
  const { progress } = portfolio;
  if (progress.cycle) {
    text(`${T.cycle}: ${formatCertificateDate(progress.cycle.startsOn, locale)} – ${formatCertificateDate(progress.cycle.reregistrationOn, locale)}`, { color: COLOR.muted });
    text(`${T.deadline}: ${formatCertificateDate(progress.cycle.deadline, locale)}`, { color: COLOR.muted });
  } else {
    text(T.noCycle, { color: COLOR.muted, gap: 4 });
  }
  rule();

  // Progress per norm and category.
  text(T.summary, { size: 15, bold: true, color: COLOR.accent, gap: 4 });
  for (const norm of progress.norms) {
    text(T.norm(locale === 'nl' ? norm.variantName : norm.variantNameEn), { size: 12, bold: true, gap: 8 });
    for (const c of norm.categories) {
      const unit = c.unit === 'hours' ? T.hours : T.points;
      text(`${c.name[locale]}${c.complete ? ` — ${T.complete}` : ''}`, { bold: true, gap: 4 });
      bar(c.counted, c.pending, c.required);
      const parts = [T.counted(c.counted, c.required, unit)];
      if (c.pending > 0) parts.push(T.pending(c.pending, unit));
      if (c.missing > 0) parts.push(T.missing(c.missing, unit));
      text(parts.join(' · '), { size: 9, color: COLOR.muted });
      for (const cap of c.caps) text(T.cap(cap.name[locale], cap.maximum, cap.above), { size: 9, color: COLOR.muted, indent: 10 });
      for (const f of c.floors) text(T.floor(f.name[locale], f.minimum, f.counted), { size: 9, color: COLOR.muted, indent: 10 });
    }
  }
  rule();

  // Activities per category of the generalist norm (and any other category), with what counted and why not.
  text(T.activities, { size: 15, bold: true, color: COLOR.accent, gap: 4 });
  const byId = new Map<string, CpdActivityView>(portfolio.activities.map((a) => [a.id, a]));
  const generalist = progress.norms.find((n) => !n.specialist);
  const shown = new Set<string>();
  const section = (title: string, unit: string, items: PortfolioView['progress']['unplaced']) => {
    text(title, { size: 12, bold: true, gap: 8 });
    if (items.length === 0) text(T.none, { size: 9, color: COLOR.muted });
    for (const item of items) {
      const a = byId.get(item.activityId);
      if (!a) continue;
      shown.add(a.id);
      activity(a, unit, item);
    }
  };
  const activity = (a: CpdActivityView, unit: string, item: PortfolioView['progress']['unplaced'][number] | null) => {
    if (doc.y > PAGE.height - 140) doc.addPage();
    text(`${formatCertificateDate(a.completedOn, locale)} — ${a.title}`, { bold: true, gap: 5, size: 10 });
    const facts: string[] = [T.status[a.status]];
    if (a.providerName) facts.push(a.providerName);
    if (a.accreditation) facts.push(`${T.code} ${a.accreditation.code}`);
    text(facts.join(' · '), { size: 9, color: COLOR.muted, indent: 10 });
    if (item) {
      text(`${T.countedLine(item.counted, item.points)} ${unit}`, { size: 9, indent: 10 });
      for (const n of item.notCounted) {
        text(`${fmt(n.points, locale)} ${unit}: ${T.reasons[n.reason]}${n.staffReason ? ` — ${T.reason}: ${n.staffReason}` : ''}`, { size: 9, indent: 20, color: COLOR.ink });
      }
    } else if (a.staffReason) {
      text(`${T.reason}: ${a.staffReason}`, { size: 9, indent: 20 });
    }
  };
  if (generalist) {
    for (const c of generalist.categories) section(c.name[locale], c.unit === 'hours' ? T.hours : T.points, c.items);
  }
  const rest = portfolio.activities.filter((a) => !shown.has(a.id));
  if (rest.length > 0) {
    text(locale === 'nl' ? 'Overige activiteiten' : 'Other activities', { size: 12, bold: true, gap: 8 });
    for (const a of rest) activity(a, T.points, progress.unplaced.find((u) => u.activityId === a.id) ?? null);
  }

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(`Vakregister · ${T.title} · ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - 30, { width: WIDTH, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
