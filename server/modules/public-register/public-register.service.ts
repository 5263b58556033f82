import type { DataSource } from 'typeorm';
import { isPublicOn, publicationRuleSchema, publicationWindow } from '../../domain/measures.js';
import { displayName, normalizeForSearch } from '../../domain/person-name.js';
import { todayIn, type PlainDate } from '../../domain/plain-date.js';
import { registerSettingsSchema } from '../../domain/register-rules.js';
import { looksLikeRegistrationNumber } from '../../domain/registration-number.js';
import {
  findPublicPersonByNumber,
  searchPublicPersons,
  type PublicMeasureRow,
  type PublicPersonWithDetailsRow,
  type PublicRegistrationRow,
} from '../../db/repositories/public-register.repository.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { PublicEntry, PublicMeasure } from './public-register.presenter.js';
import type { PublicSearchQuery as SearchQuery } from '../../contract/public-register.js';

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
    const [entry] = this.assemble([person], now);
    if (!entry) throw notFound('Registration');
    return entry;
  }

  async search(query: SearchQuery, now = new Date()): Promise<SearchResult> {
    const offset = (query.page - 1) * query.pageSize;
    if (looksLikeRegistrationNumber(query.q)) {
      const person = await findPublicPersonByNumber(this.db, query.q.trim());
      const items = person && offset === 0 ? this.assemble([person], now) : [];
      return { items, total: person ? 1 : 0, page: query.page, pageSize: query.pageSize };
    }
    const tokens = normalizeForSearch(query.q).split(' ').filter((t) => t.length > 0);
    if (tokens.length === 0 || tokens.join('').length < 2) {
      throw new AppError('invalid_input', 'Search for a name (at least 2 letters) or a registration number.');
    }
    const { rows, total } = await searchPublicPersons(this.db, tokens.slice(0, 6), query.pageSize, offset);
    return { items: this.assemble(rows, now), total, page: query.page, pageSize: query.pageSize };
  }

  /** The repository delivers each person with their public registrations and measures (one statement). */
  private assemble(persons: PublicPersonWithDetailsRow[], now: Date): PublicEntry[] {
    // Per call, not per entry: a page of 20 shares its register's "today". Only the time zone of the register's
    // settings is read: the whole settings document on every row would be most of a page's bytes.
    const todayByZone = new Map<string, PlainDate>();
    const entries: PublicEntry[] = [];
    for (const person of persons) {
      const own = person.registrations;
      const generalist = own.find((r) => r.variant_kind === 'generalist');
      if (!generalist) continue;
      let today = todayByZone.get(generalist.register_time_zone);
      if (!today) {
        const timeZone = registerSettingsSchema.shape.timeZone.parse(generalist.register_time_zone);
        todayByZone.set(generalist.register_time_zone, (today = todayIn(timeZone, now)));
      }
      entries.push(this.entryFor(person, generalist, own, person.measures, today));
    }
    return entries;
  }

  private entryFor(
    person: PublicPersonWithDetailsRow,
    generalist: PublicRegistrationRow,
    own: PublicRegistrationRow[],
    measures: PublicMeasureRow[],
    today: PlainDate,
  ): PublicEntry {
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

function publicMeasure(m: PublicMeasureRow, today: PlainDate): PublicMeasure[] {
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
