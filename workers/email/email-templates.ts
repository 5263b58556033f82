import { CPD_REVIEW_TEMPLATES } from './cpd-review-templates.js';
import { ACCREDITATION_TEMPLATES } from './accreditation-templates.js';
import { signatureEn, signatureNl, str } from './template-text.js';

/** Mail texts per template and locale. Plain text; every mail says who sent it, why, and what happens next. */
export interface RenderedEmail {
  subject: string;
  text: string;
}

export interface TemplateContext {
  displayName: string;
  publicUrl: string;
  params: Record<string, unknown>;
}

type Render = (c: TemplateContext) => RenderedEmail;

const templates = {
  welcome: {
    nl: (c) => ({
      subject: 'Welkom bij Vakregister',
      text: [
        `Beste ${c.displayName},`,
        '',
        'Je bent voor het eerst ingelogd bij Vakregister, het beroepsregister voor sociaal werkers.',
        `Op ${c.publicUrl}/account zie je je gegevens en je registratie.`,
        '',
        'Heb je niet zelf ingelogd? Neem dan contact op met registerbeheer.',
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: 'Welcome to Vakregister',
      text: [
        `Dear ${c.displayName},`,
        '',
        'You have logged in to Vakregister, the professional register for social workers, for the first time.',
        `Your details and registration are at ${c.publicUrl}/account.`,
        '',
        'If this was not you, please contact register staff.',
        ...signatureEn,
      ].join('\n'),
    }),
  },
  application_submitted: {
    nl: (c) => ({
      subject: `Aanvraag ontvangen: ${str(c, 'variant')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `We hebben je aanvraag voor de registratie als ${str(c, 'variant')} ontvangen.`,
        'Registerbeheer beoordeelt je aanvraag. Je krijgt bericht als we een besluit hebben genomen of als we meer informatie nodig hebben.',
        `De status volg je op ${c.publicUrl}/applications/${str(c, 'registrationId')}.`,
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Application received: ${str(c, 'variant')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `We have received your application for registration as ${str(c, 'variant')}.`,
        'Register staff will assess it. You will hear from us when we decide or need more information.',
        `Follow its status at ${c.publicUrl}/applications/${str(c, 'registrationId')}.`,
        ...signatureEn,
      ].join('\n'),
    }),
  },
  application_info_requested: {
    nl: (c) => ({
      subject: `Meer informatie nodig voor je aanvraag: ${str(c, 'variant')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        'Om je aanvraag te kunnen beoordelen hebben we meer informatie nodig:',
        '',
        str(c, 'question'),
        '',
        `Vul je aanvraag aan en dien hem opnieuw in op ${c.publicUrl}/applications/${str(c, 'registrationId')}.`,
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `More information needed for your application: ${str(c, 'variant')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        'To assess your application we need more information:',
        '',
        str(c, 'question'),
        '',
        `Complete your application and submit it again at ${c.publicUrl}/applications/${str(c, 'registrationId')}.`,
        ...signatureEn,
      ].join('\n'),
    }),
  },
  application_approved: {
    nl: (c) => ({
      subject: `Je bent geregistreerd: ${str(c, 'variant')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `Je registratie als ${str(c, 'variant')} is goedgekeurd. Je registratienummer is ${str(c, 'registrationNumber')}.`,
        `Je registratie loopt tot en met ${str(c, 'validUntil')}; je herregistratie moet uiterlijk ${str(c, 'deadline')} binnen zijn.`,
        `Je registratiebewijs download je op ${c.publicUrl}/account. Iedereen kan je registratie controleren op ${c.publicUrl}/verify/${str(c, 'registrationNumber')}.`,
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `You are registered: ${str(c, 'variant')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `Your registration as ${str(c, 'variant')} has been approved. Your registration number is ${str(c, 'registrationNumber')}.`,
        `It runs until ${str(c, 'validUntil')}; your reregistration is due by ${str(c, 'deadline')}.`,
        `Download your certificate at ${c.publicUrl}/account. Anyone can verify your registration at ${c.publicUrl}/verify/${str(c, 'registrationNumber')}.`,
        ...signatureEn,
      ].join('\n'),
    }),
  },
  application_rejected: {
    nl: (c) => ({
      subject: `Besluit over je aanvraag: ${str(c, 'variant')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `We hebben je aanvraag voor de registratie als ${str(c, 'variant')} afgewezen. De reden:`,
        '',
        str(c, 'reason'),
        '',
        'Ben je het niet eens met dit besluit, dan kun je binnen zes weken bezwaar maken bij registerbeheer. Je kunt ook een nieuwe aanvraag doen.',
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Decision on your application: ${str(c, 'variant')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `We have rejected your application for registration as ${str(c, 'variant')}. The reason:`,
        '',
        str(c, 'reason'),
        '',
        'If you disagree, you can object to register staff within six weeks. You may also apply again.',
        ...signatureEn,
      ].join('\n'),
    }),
  },
  concept_expiry_warning: {
    nl: (c) => ({
      subject: 'Je conceptaanvraag wordt binnenkort verwijderd',
      text: [
        `Beste ${c.displayName},`,
        '',
        `Je hebt een conceptaanvraag voor ${str(c, 'variant')} die nog niet is ingediend. Op ${str(c, 'deleteOn')} verwijderen we dit concept met de bijlagen.`,
        `Wil je het bewaren? Dien je aanvraag in op ${c.publicUrl}/applications/${str(c, 'registrationId')}.`,
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: 'Your draft application will be deleted soon',
      text: [
        `Dear ${c.displayName},`,
        '',
        `You have a draft application for ${str(c, 'variant')} that was never submitted. On ${str(c, 'deleteOn')} we delete it with its attachments.`,
        `To keep it, submit it at ${c.publicUrl}/applications/${str(c, 'registrationId')}.`,
        ...signatureEn,
      ].join('\n'),
    }),
  },
  ...CPD_REVIEW_TEMPLATES,
  ...ACCREDITATION_TEMPLATES,
  organisation_invitation: {
    nl: (c) => ({
      subject: `Uitnodiging: word lid van ${str(c, 'organisation')} in Vakregister`,
      text: [
        'Hallo,',
        '',
        `${str(c, 'inviter')} nodigt je uit om ${str(c, 'role') === 'admin' ? 'beheerder' : 'lid'} te worden van ${str(c, 'organisation')} in Vakregister.`,
        `Log in en neem de uitnodiging aan op ${c.publicUrl}/invitations/${str(c, 'secret')}`,
        `De link is geldig tot en met ${str(c, 'expiresOn')} en werkt één keer. Stuur hem niet door.`,
        '',
        'Verwacht je deze uitnodiging niet? Dan kun je deze mail negeren.',
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Invitation: join ${str(c, 'organisation')} in Vakregister`,
      text: [
        'Hello,',
        '',
        `${str(c, 'inviter')} invites you to become ${str(c, 'role') === 'admin' ? 'an admin' : 'a member'} of ${str(c, 'organisation')} in Vakregister.`,
        `Log in and accept the invitation at ${c.publicUrl}/invitations/${str(c, 'secret')}`,
        `The link is valid until ${str(c, 'expiresOn')} and works once. Do not forward it.`,
        '',
        'Not expecting this invitation? You can ignore this mail.',
        ...signatureEn,
      ].join('\n'),
    }),
  },
  organisation_authorised: {
    nl: (c) => ({
      subject: `Je organisatie is goedgekeurd: ${str(c, 'organisation')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `Registerbeheer heeft het account van ${str(c, 'organisation')} goedgekeurd. Je organisatie kan nu aan de slag: leden uitnodigen, API-sleutels maken en accreditatie aanvragen.`,
        `Ga naar ${c.publicUrl}/provider.`,
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Your organisation is authorised: ${str(c, 'organisation')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `Register staff have authorised the account of ${str(c, 'organisation')}. Your organisation can now invite members, create API tokens and request accreditation.`,
        `Go to ${c.publicUrl}/provider.`,
        ...signatureEn,
      ].join('\n'),
    }),
  },
  organisation_refused: {
    nl: (c) => ({
      subject: `Besluit over je organisatieaccount: ${str(c, 'organisation')}`,
      text: [
        `Beste ${c.displayName},`,
        '',
        `Registerbeheer heeft het account van ${str(c, 'organisation')} niet goedgekeurd. De reden:`,
        '',
        str(c, 'reason'),
        '',
        `Je ziet de status en de reden op ${c.publicUrl}/provider. Ben je het niet eens met dit besluit, neem dan contact op met registerbeheer.`,
        ...signatureNl,
      ].join('\n'),
    }),
    en: (c) => ({
      subject: `Decision on your organisation account: ${str(c, 'organisation')}`,
      text: [
        `Dear ${c.displayName},`,
        '',
        `Register staff have refused the account of ${str(c, 'organisation')}. The reason:`,
        '',
        str(c, 'reason'),
        '',
        `The status and reason are at ${c.publicUrl}/provider. If you disagree, please contact register staff.`,
        ...signatureEn,
      ].join('\n'),
    }),
  },
} satisfies Record<string, Record<'nl' | 'en', Render>>;

export type EmailTemplate = keyof typeof templates;

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(templates, name);
}

export function renderEmail(template: EmailTemplate, locale: 'nl' | 'en', context: TemplateContext): RenderedEmail {
  return templates[template][locale](context);
}
