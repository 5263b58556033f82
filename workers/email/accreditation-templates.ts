import type { RenderedEmail, TemplateContext } from './email-templates.js';
import { signatureEn, signatureNl, str } from './template-text.js';

/** Mail to a provider about a decision on an accreditation request or on its objection. */

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
          : outcome === 'objection_granted'
            ? [
                `Uw bezwaar tegen de toekenning van "${str(c, 'title')}" is toegewezen: nu ${str(c, 'points')} punten, geldig tot en met ${str(c, 'validUntil')}. De reden:`,
                '',
                str(c, 'reason'),
                '',
                `De accreditatiecode blijft ${str(c, 'code')}. Wie al punten had, houdt die; waren het er minder, dan zijn ze verhoogd.`,
              ]
            : outcome === 'objection_refused'
            ? [
                `Uw bezwaar tegen het besluit over "${str(c, 'title')}" is afgewezen. De reden:`,
                '',
                str(c, 'reason'),
                ...(str(c, 'against') === 'approved' ? ['', 'De accreditatie blijft zoals die was toegekend.'] : []),
              ]
            : [
                `De accreditatie van "${str(c, 'title')}" is afgewezen. De reden:`,
                '',
                str(c, 'reason'),
                '',
                `U kunt binnen ${str(c, 'objectionWeeks')} weken bezwaar maken via ${link}.`,
              ];
      return {
        subject:
          outcome === 'approved'
            ? `Accreditatie toegekend: ${str(c, 'title')}`
            : outcome === 'objection_granted' || outcome === 'objection_refused'
              ? `Besluit op uw bezwaar: ${str(c, 'title')}`
              : `Besluit over uw accreditatieaanvraag: ${str(c, 'title')}`,
        text: [`Beste ${c.displayName},`, '', ...body, '', `De aanvraag en het besluit ziet u op ${link}.`, ...signatureNl].join('\n'),
      };
    },
    en: (c: TemplateContext): RenderedEmail => {
      const outcome = str(c, 'outcome');
      const link = `${c.publicUrl}/provider/accreditations/${str(c, 'accreditationId')}`;
      const body =
        outcome === 'approved'
          ? [`"${str(c, 'title')}" is accredited: ${str(c, 'points')} points, valid until ${str(c, 'validUntil')}.`, `The accreditation code is ${str(c, 'code')}.`]
          : outcome === 'objection_granted'
            ? [
                `Your objection to the approval of "${str(c, 'title')}" was granted: now ${str(c, 'points')} points, valid until ${str(c, 'validUntil')}. The reason:`,
                '',
                str(c, 'reason'),
                '',
                `The accreditation code stays ${str(c, 'code')}. Points already booked are kept, and raised where they were fewer.`,
              ]
            : outcome === 'objection_refused'
            ? [
                `Your objection to the decision on "${str(c, 'title')}" was refused. The reason:`,
                '',
                str(c, 'reason'),
                ...(str(c, 'against') === 'approved' ? ['', 'The accreditation stays as it was granted.'] : []),
              ]
            : [`Accreditation of "${str(c, 'title')}" was refused. The reason:`, '', str(c, 'reason'), '', `You may object within ${str(c, 'objectionWeeks')} weeks at ${link}.`];
      return {
        subject:
          outcome === 'approved'
            ? `Accreditation granted: ${str(c, 'title')}`
            : outcome === 'objection_granted' || outcome === 'objection_refused'
              ? `Decision on your objection: ${str(c, 'title')}`
              : `Decision on your accreditation request: ${str(c, 'title')}`,
        text: [`Dear ${c.displayName},`, '', ...body, '', `See the request and the decision at ${link}.`, ...signatureEn].join('\n'),
      };
    },
  },
  /** The objection has been received and is with register staff; an approval stays in force meanwhile. */
  accreditation_objection_lodged: {
    nl: (c: TemplateContext): RenderedEmail => {
      const link = `${c.publicUrl}/provider/accreditations/${str(c, 'accreditationId')}`;
      const meanwhile =
        str(c, 'against') === 'approved'
          ? 'Tot registerbeheer besluit, blijft de accreditatie zoals die is toegekend: de code blijft geldig voor deelnemers en presentielijsten.'
          : 'Registerbeheer beoordeelt de aanvraag opnieuw.';
      return {
        subject: `Bezwaar ontvangen: ${str(c, 'title')}`,
        text: [`Beste ${c.displayName},`, '', `We hebben uw bezwaar tegen het besluit over "${str(c, 'title')}" ontvangen.`, meanwhile, '', `U krijgt bericht van het besluit; de stand ziet u op ${link}.`, ...signatureNl].join('\n'),
      };
    },
    en: (c: TemplateContext): RenderedEmail => {
      const link = `${c.publicUrl}/provider/accreditations/${str(c, 'accreditationId')}`;
      const meanwhile =
        str(c, 'against') === 'approved'
          ? 'Until register staff decide, the accreditation stays as granted: its code stays valid for participants and attendance lists.'
          : 'Register staff will review the request again.';
      return {
        subject: `Objection received: ${str(c, 'title')}`,
        text: [`Dear ${c.displayName},`, '', `We have received your objection to the decision on "${str(c, 'title')}".`, meanwhile, '', `You will hear of the decision; see where it stands at ${link}.`, ...signatureEn].join('\n'),
      };
    },
  },
};
