/**
 * Dutch names: given names, an optional tussenvoegsel ("de", "van der") and a family name. The public
 * register sorts on the family name without the tussenvoegsel and searches case- and diacritics-
 * insensitively, so "vries" finds "de Vries" and "ozdemir" finds "Özdemir".
 */
export interface PersonName {
  givenNames: string;
  prefix: string | null;
  familyName: string;
}

export function displayName(name: PersonName): string {
  return [name.givenNames, name.prefix, name.familyName].filter((p) => p && p.trim()).join(' ');
}

const SPECIAL_LETTERS: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ĳ: 'ij' };

/** Lower case, no diacritics, only letters, digits and single spaces. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıøłđßæœĳ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text stored beside a person for searching: all name parts, normalized. */
export function searchTextFor(name: PersonName): string {
  return normalizeForSearch(displayName(name));
}

/** Sort key: family name first, tussenvoegsel after (as Dutch registers list "Vries, Sanne de"). */
export function sortKeyFor(name: PersonName): string {
  return normalizeForSearch(`${name.familyName} ${name.givenNames} ${name.prefix ?? ''}`);
}
