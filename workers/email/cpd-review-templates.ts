import type { RenderedEmail, TemplateContext } from './email-templates.js';
import { signatureEn, signatureNl, str } from './template-text.js';

/**
 * Mails about staff's review of a registrant's CPD activity (issue 8): approved, adjusted or rejected, always with
 * staff's reason where there is one, and where the registrant sees the effect on their progress.
 */
type Render = (c: TemplateContext) => RenderedEmail;

/** Points and hours as Dutch (12,5) or English (12.5) readers write them. */
const amount = (c: TemplateContext, key: string, locale: 'nl' | 'en'): string => {
  const v = c.params[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(n) : '';
};

const unitNl = (c: TemplateContext) => (c.params.unit === 'hours' ? 'uur' : 'punten');
const unitEn = (c: TemplateContext) => (c.params.unit === 'hours' ? 'hours' : 'points');

/** A plain date (YYYY-MM-DD) as "14 maart 2031" / "14 March 2031". */
const day = (c: TemplateContext, key: string, locale: 'nl' | 'en'): string => {
  const v = str(c, key);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
};

const progressNl = (c: TemplateContext) => `Je voortgang, met de uitleg bij elk punt, zie je op ${c.publicUrl}/account.`;
const progressEn = (c: TemplateContext) => `Your progress, with an explanation for every point, is at ${c.publicUrl}/account.`;

/** Said under an adjustment or a rejection: the registrant may contest it. */
const disagreeNl = 'Ben je het niet eens met dit besluit, neem dan binnen zes weken contact op met registerbeheer.';
const disagreeEn = 'If you disagree, contact register staff within six weeks.';
/** How a mail about an adjustment or a rejection ends: staff's reason, where progress is, how to contest, who sent it. */
const reasonAndCloseNl = (c: TemplateContext) => ['', str(c, 'reason'), '', progressNl(c), disagreeNl, ...signatureNl];
const reasonAndCloseEn = (c: TemplateContext) => ['', str(c, 'reason'), '', progressEn(c), disagreeEn, ...signatureEn];

export const CPD_REVIEW_TEMPLATES = {
  cpd_activity_approved: {
    nl: (c) => ({
      subject: `Activiteit goedgekeurd: ${str(c, 'title')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `Registerbeheer heeft je activiteit "${str(c, 'title')}" (afgerond op ${day(c, 'completedOn', 'nl')}) goedgekeurd: ${amount(c, 'approved', 'nl')} ${unitNl(c)}.`,
        progressNl(c),
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Activity approved: ${str(c, 'title')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `Register staff approved your activity "${str(c, 'title')}" (completed on ${day(c, 'completedOn', 'en')}): ${amount(c, 'approved', 'en')} ${unitEn(c)}.`,
        progressEn(c),
        ...signatureEn,
      ].join('\n'),
    }),
  },
  cpd_activity_adjusted: {
    nl: (c) => ({
      subject: `Activiteit aangepast goedgekeurd: ${str(c, 'title')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `Registerbeheer heeft je activiteit "${str(c, 'title')}" (afgerond op ${day(c, 'completedOn', 'nl')}) goedgekeurd voor ${amount(c, 'approved', 'nl')} van de ${amount(c, 'claimed', 'nl')} ${unitNl(c)} die je opgaf. De reden:`,
        ...reasonAndCloseNl(c),
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Activity approved with an adjustment: ${str(c, 'title')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `Register staff approved your activity "${str(c, 'title')}" (completed on ${day(c, 'completedOn', 'en')}) for ${amount(c, 'approved', 'en')} of the ${amount(c, 'claimed', 'en')} ${unitEn(c)} you claimed. The reason:`,
        ...reasonAndCloseEn(c),
      ].join('\n'),
    }),
  },
  cpd_activity_rejected: {
    nl: (c) => ({
      subject: `Activiteit afgewezen: ${str(c, 'title')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `Registerbeheer heeft je activiteit "${str(c, 'title')}" (afgerond op ${day(c, 'completedOn', 'nl')}) afgewezen; de ${amount(c, 'claimed', 'nl')} ${unitNl(c)} tellen niet mee. De reden:`,
        ...reasonAndCloseNl(c),
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Activity rejected: ${str(c, 'title')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `Register staff rejected your activity "${str(c, 'title')}" (completed on ${day(c, 'completedOn', 'en')}); its ${amount(c, 'claimed', 'en')} ${unitEn(c)} do not count. The reason:`,
        ...reasonAndCloseEn(c),
      ].join('\n'),
    }),
  },
} satisfies Record<string, Record<'nl' | 'en', Render>>;
