import type { RenderedEmail, TemplateContext } from './email-templates.js';

/** Mail to a provider about a decision on an accreditation request or on its objection. */
const str = (c: TemplateContext, key: string): string => {
  const v = c.params[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

export const ACCREDITATION_TEMPLATES = {
  accreditation_decided: {
    nl: (c: TemplateContext): RenderedEmail => {
      const outcome = str(c, 'outcome');
      const link = `${c.publicUrl}/provider/accreditations/${str(c, 'accreditationId')}`;
      const body =
        outcome === 'approved'
          ? [
              `De accreditatie van "${str(c, 'title')}" is toegekend: ${str(c, 'points')} punten, geldig tot en met ${str(c, 'validUntil')}.`,
              `De accreditatiecode is ${str(c, 'code')}. Deelnemers kunnen hun punten met deze code zelf registreren; u kunt ook de presentielijst uploaden.`,
            ]
          : outcome === 'objection_refused'
            ? [`Uw bezwaar tegen het besluit over "${str(c, 'title')}" is afgewezen. De reden:`, '', str(c, 'reason')]
            : [
                `De accreditatie van "${str(c, 'title')}" is afgewezen. De reden:`,
                '',
                str(c, 'reason'),
                '',
                `U kunt binnen ${str(c, 'objectionWeeks')} weken bezwaar maken via ${link}.`,
              ];
      return {
        subject: outcome === 'approved' ? `Accreditatie toegekend: ${str(c, 'title')}` : `Besluit over uw accreditatieaanvraag: ${str(c, 'title')}`,
        text: [`Beste ${c.displayName},`, '', ...body, '', `De aanvraag en het besluit ziet u op ${link}.`, '', 'Met vriendelijke groet,', 'Registerbeheer Vakregister'].join('\n'),
      };
    },
    en: (c: TemplateContext): RenderedEmail => {
      const outcome = str(c, 'outcome');
      const link = `${c.publicUrl}/provider/accreditations/${str(c, 'accreditationId')}`;
      const body =
        outcome === 'approved'
          ? [`"${str(c, 'title')}" is accredited: ${str(c, 'points')} points, valid until ${str(c, 'validUntil')}.`, `The accreditation code is ${str(c, 'code')}.`]
          : outcome === 'objection_refused'
            ? [`Your objection to the decision on "${str(c, 'title')}" was refused. The reason:`, '', str(c, 'reason')]
            : [`Accreditation of "${str(c, 'title')}" was refused. The reason:`, '', str(c, 'reason'), '', `You may object within ${str(c, 'objectionWeeks')} weeks at ${link}.`];
      return {
        subject: outcome === 'approved' ? `Accreditation granted: ${str(c, 'title')}` : `Decision on your accreditation request: ${str(c, 'title')}`,
        text: [`Dear ${c.displayName},`, '', ...body, '', `See the request and the decision at ${link}.`, '', 'Kind regards,', 'Vakregister register staff'].join('\n'),
      };
    },
  },
};
