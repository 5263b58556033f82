import type { DataSource } from 'typeorm';
import { isPublicOn, publicationRuleSchema, publicationWindow } from '../../domain/measures.js';
import { displayName, normalizeForSearch } from '../../domain/person-name.js';
import { todayIn } from '../../domain/plain-date.js';
import { registerSettingsSchema } from '../../domain/register-rules.js';
import { looksLikeRegistrationNumber } from '../../domain/registration-number.js';
import {
  findMeasures,
  findPublicPersonByNumber,
  findPublicRegistrations,
  searchPublicPersons,
  type PublicMeasureRow,
  type PublicPersonRow,
  type PublicRegistrationRow,
} from '../../db/repositories/public-register.repository.js';
import { AppError, notFound } from '../../http/errors.js';
import type { PublicEntry, PublicMeasure } from './public-register.presenter.js';
import type { SearchQuery } from './public-register.schemas.js';

export interface SearchResult {
  items: PublicEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export class PublicRegisterService {
  constructor(private readonly db: DataSource) {}

  async lookup(registrationNumber: string, now = new Date()): Promise<PublicEntry> {
    const person = await findPublicPersonByNumber(this.db, registrationNumber);
    if (!person) throw notFound('Registration');
    const [entry] = await this.assemble([person], now);
    if (!entry) throw notFound('Registration');
    return entry;
  }

  async search(query: SearchQuery, now = new Date()): Promise<SearchResult> {
    const offset = (query.page - 1) * query.pageSize;
    if (looksLikeRegistrationNumber(query.q)) {
      const person = await findPublicPersonByNumber(this.db, query.q.trim());
      const items = person && offset === 0 ? await this.assemble([person], now) : [];
      return { items, total: person ? 1 : 0, page: query.page, pageSize: query.pageSize };
    }
    const tokens = normalizeForSearch(query.q).split(' ').filter((t) => t.length > 0);
    if (tokens.length === 0 || tokens.join('').length < 2) {
      throw new AppError('invalid_input', 400, 'Search for a name (at least 2 letters) or a registration number.');
    }
    const { rows, total } = await searchPublicPersons(this.db, tokens.slice(0, 6), query.pageSize, offset);
    return { items: await this.assemble(rows, now), total, page: query.page, pageSize: query.pageSize };
  }

  private async assemble(persons: PublicPersonRow[], now: Date): Promise<PublicEntry[]> {
    const ids = persons.map((p) => p.person_id);
    const [registrations, measures] = await Promise.all([findPublicRegistrations(this.db, ids), findMeasures(this.db, ids)]);
    const entries: PublicEntry[] = [];
    for (const person of persons) {
      const own = registrations.filter((r) => r.person_id === person.person_id);
      const generalist = own.find((r) => r.variant_kind === 'generalist');
      if (!generalist) continue;
      entries.push(this.entryFor(person, generalist, own, measures.filter((m) => m.person_id === person.person_id), now));
    }
    return entries;
  }

  private entryFor(
    person: PublicPersonRow,
    generalist: PublicRegistrationRow,
    own: PublicRegistrationRow[],
    measures: PublicMeasureRow[],
    now: Date,
  ): PublicEntry {
    const settings = registerSettingsSchema.parse(generalist.register_settings);
    const today = todayIn(settings.timeZone, now);
    // Specialist variants are listed while they count as registered; the generalist base always is.
    const variants = own.filter((r) => r === generalist || r.counts_as_registered);
    return {
      registrationNumber: person.registration_number,
      name: displayName({ givenNames: person.given_names, prefix: person.name_prefix, familyName: person.family_name }),
      status: generalist.public_status,
      register: { code: generalist.register_code, name: generalist.register_name },
      variants: variants.map((r) => ({ code: r.variant_code, name: r.variant_name, kind: r.variant_kind })),
      registeredSince: generalist.registered_on,
      validUntil: generalist.counts_as_registered ? generalist.cycle_ends_on : null,
      measures: measures.flatMap((m) => publicMeasure(m, today)),
    };
  }
}

function publicMeasure(m: PublicMeasureRow, today: string): PublicMeasure[] {
  const rule = publicationRuleSchema.parse(m.publication);
  const facts = { decisionDate: m.decision_date, final: m.final, publicationOrdered: m.publication_ordered, startsOn: m.starts_on, endsOn: m.ends_on };
  if (!isPublicOn(facts, rule, today)) return [];
  const window = publicationWindow(facts, rule);
  return [
    {
      type: m.measure_type,
      body: m.body,
      decisionDate: m.decision_date,
      final: m.final,
      appealLodged: m.appeal_lodged,
      startsOn: m.starts_on,
      endsOn: m.ends_on,
      publicUntil: window.public ? window.until : null,
    },
  ];
}
