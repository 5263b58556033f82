/** Mail texts per template and locale. Plain text first; every mail says who sent it and why. */
export interface RenderedEmail {
  subject: string;
  text: string;
}

export type EmailTemplate = 'welcome';

interface TemplateContext {
  displayName: string;
  publicUrl: string;
}

const templates: Record<EmailTemplate, Record<'nl' | 'en', (c: TemplateContext) => RenderedEmail>> = {
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
        '',
        'Met vriendelijke groet,',
        'Registerbeheer Vakregister',
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
        '',
        'Kind regards,',
        'Vakregister register staff',
      ].join('\n'),
    }),
  },
};

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(templates, name);
}

export function renderEmail(template: EmailTemplate, locale: 'nl' | 'en', context: TemplateContext): RenderedEmail {
  return templates[template][locale](context);
}
