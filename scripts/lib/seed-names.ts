/** Name material for demo and benchmark data: Dutch names with tussenvoegsels, and names with diacritics. */
export const GIVEN_NAMES = [
  'Sanne', 'Emre', 'Lotte', 'Daan', 'Fleur', 'Bram', 'Noor', 'Jesse', 'Iris', 'Thijs', 'Femke', 'Sem', 'Anouk', 'Ruben',
  'Lieke', 'Mohamed', 'Fatima', 'Yusuf', 'Ayşe', 'Zoë', 'Chloë', 'Noë', 'Inge', 'Marloes', 'Sven', 'Kees', 'Hanneke',
  'Priya', 'Rajesh', 'Shanti', 'Wouter', 'Joost', 'Merel', 'Esmée', 'Renée', 'Loïs', 'Niels', 'Gert-Jan', 'Anne-Marie',
  'Khadija', 'Ilse', 'Marieke', 'Stijn', 'Tamara', 'Bilal', 'Hatice', 'Dewi', 'Jorien', 'Roos', 'Linh',
];

export const PREFIXES: Array<string | null> = [
  null, null, null, null, null, null, 'de', 'van', 'van der', 'van den', 'van de', 'ter', 'den', "in 't", 'de',
];

export const FAMILY_NAMES = [
  'Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker',
  'Brink', 'Berg', 'Dijk', 'Wal', 'Özdemir', 'Yılmaz', 'Çelik', 'Şahin', 'El Amrani', 'Bouzid', 'Ramdin', 'Nguyễn',
  'Kaya', 'Aydın', 'Haddou', 'Sital', 'Brouwer', 'Kok', 'Jacobs', 'Willems', 'Linden', 'Groot', 'Boer', 'Koster',
  'Prins', 'Huisman', 'Kuipers', 'Veen', 'Postma', 'Schouten', 'Hoekstra', 'Bosch', 'Zwart', 'Wit', 'Maas', 'Lambrechts',
];

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}
