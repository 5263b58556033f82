/** Name material for demo and benchmark data: Dutch names with tussenvoegsels, and names with diacritics. */
export const GIVEN_NAMES = [
  'Sanne', 'Emre', 'Lotte', 'Daan', 'Fleur', 'Bram', 'Noor', 'Jesse', 'Iris', 'Thijs', 'Femke', 'Sem', 'Anouk', 'Ruben',
  'Lieke', 'Mohamed', 'Fatima', 'Yusuf', 'Ayşe', 'Zoë', 'Chloë', 'Noë', 'Inge', 'Marloes', 'Sven', 'Kees', 'Hanneke',
  'Priya', 'Rajesh', 'Shanti', 'Wouter', 'Joost', 'Merel', 'Esmée', 'Renée', 'Loïs', 'Niels', 'Gert-Jan', 'Anne-Marie',
  'Khadija', 'Ilse', 'Marieke', 'Stijn', 'Tamara', 'Bilal', 'Hatice', 'Dewi', 'Jorien', 'Roos', 'Linh',
  'Eva', 'Lars', 'Julia', 'Tim', 'Sophie', 'Luuk', 'Emma', 'Milan', 'Tess', 'Finn', 'Lisa', 'Max', 'Sara', 'Thomas',
  'Nina', 'Koen', 'Anna', 'Rick', 'Maud', 'Jeroen', 'Eline', 'Bas', 'Kim', 'Martijn', 'Sarah', 'Pieter', 'Yara', 'Ahmed',
  'Meryem', 'Soufiane', 'Naima', 'Selin', 'Burak', 'Anjali', 'Ravi', 'Quinten', 'Jolien', 'Hüseyin', 'Zeynep', 'Amira',
];

export const PREFIXES: Array<string | null> = [
  null, null, null, null, null, null, 'de', 'van', 'van der', 'van den', 'van de', 'ter', 'den', "in 't", 'de',
];

export const FAMILY_NAMES = [
  'Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker',
  'Brink', 'Berg', 'Dijk', 'Wal', 'Özdemir', 'Yılmaz', 'Çelik', 'Şahin', 'El Amrani', 'Bouzid', 'Ramdin', 'Nguyễn',
  'Kaya', 'Aydın', 'Haddou', 'Sital', 'Brouwer', 'Kok', 'Jacobs', 'Willems', 'Linden', 'Groot', 'Boer', 'Koster',
  'Prins', 'Huisman', 'Kuipers', 'Veen', 'Postma', 'Schouten', 'Hoekstra', 'Bosch', 'Zwart', 'Wit', 'Maas', 'Lambrechts',
  'Jong', 'Leeuwen', 'Janssen', 'Wijk', 'Graaf', 'Boom', 'Meer', 'Heuvel', 'Vermeulen', 'Verhoeven', 'Kramer', 'Veenstra',
  'Dam', 'Koning', 'Wouters', 'Vink', 'Dijkstra', 'Smits', 'Goossens', 'Gerritsen', 'Bruijn', 'Timmermans', 'Hermans',
  'Hoek', 'Beek', 'Claassen', 'Vliet', 'Mol', 'Wijngaarden', 'Koch', 'Kuiper', 'Roos', 'Sanders', 'Molenaar', 'Scholten',
  'Horst', 'Bosman', 'Evers', 'Kroon', 'Pols', 'Sluis', 'Stam', 'Verbeek', 'Wolters', 'Zandstra', 'Haan', 'Laan', 'Poel',
  'Doorn', 'Ruiter', 'Vermeer', 'Martens', 'Mertens', 'Kooistra', 'Meulen', 'Brands', 'Lange', 'Rijn', 'Broek', 'Geest',
  'Akkerman', 'Bergsma', 'Blom', 'Boersma', 'Bulut', 'Demir', 'Doğan', 'Ezzahiri', 'Achahbar', 'Benali', 'Ouali',
  'Tahiri', 'Mohan', 'Kalloe', 'Soekhai', 'Pinas', 'Amrani', 'Pérez', 'García', 'Silva', 'Müller', 'Kowalski', 'Nowak',
  'Ferreira', 'Dupont', 'Lemaire', 'Hofman', 'Jonker', 'Kuijpers', 'Bijl', 'Brouwers', 'Faber', 'Fokkema', 'Groen',
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
