import type { PersonDetails } from '../api/types.js';

/** A variant's name in the UI language (Dutch unless English is chosen and known). */
export function variantName(variant: { name: string; nameEn: string }, lang: string): string {
  return lang === 'en' && variant.nameEn ? variant.nameEn : variant.name;
}

/** "Noor van Dijk": given names, prefix and family name. */
export function personName(p: Pick<PersonDetails, 'givenNames' | 'prefix' | 'familyName'>): string {
  return [p.givenNames, p.prefix, p.familyName].filter((part) => part && part.trim()).join(' ');
}
