import type { TemplateContext } from './email-templates.js';

/** What the mail texts of every area share: reading a parameter, and the signature. */

/** A string or number parameter as text; anything else (missing, an object) as nothing. */
export const str = (c: TemplateContext, key: string): string => {
  const v = c.params[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

export const signatureNl = ['', 'Met vriendelijke groet,', 'Registerbeheer Vakregister'];
export const signatureEn = ['', 'Kind regards,', 'Vakregister register staff'];
