import { expect } from 'chai';
import { resetDatabase } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('public register API', () => {
  let app: TestApp;
  const get = (path: string) => fetch(`${app.url}${path}`);

  before(async () => {
    app = await startTestApp({ port: 0 });
    await resetDatabase(app.runtime.dataSource, app.config.oidc.issuer);
  });
  after(() => app?.close());

  it('finds "de Vries" by "vries", case-insensitively, with public fields only', async () => {
    const res = await get('/api/public/register?q=VRIES');
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { items: Array<Record<string, unknown>>; total: number };
    const sanne = body.items.find((i) => i.name === 'Sanne de Vries');
    expect(sanne, 'Sanne de Vries in results').to.not.equal(undefined);
    expect(Object.keys(sanne!).sort()).to.deep.equal(['measures', 'name', 'register', 'registeredSince', 'registrationNumber', 'status', 'validUntil', 'variants']);
    expect(sanne!.status).to.equal('registered');
    expect(sanne!.registrationNumber).to.match(/^0\d{8}$/);
    expect(sanne!.variants).to.deep.include({ code: 'jeugd-gezin', name: 'Jeugd- en gezinsprofessional', kind: 'specialist' });
    expect(body.total).to.equal(body.items.length);
  });

  it('finds "Özdemir" by "ozdemir" (diacritics-insensitive)', async () => {
    const body = (await (await get('/api/public/register?q=ozdemir')).json()) as { items: Array<{ name: string }> };
    expect(body.items.map((i) => i.name)).to.include('Emre Özdemir');
  });

  it('matches word starts, not the middle of a name', async () => {
    const body = (await (await get('/api/public/register?q=ries')).json()) as { items: Array<{ name: string }> };
    expect(body.items.map((i) => i.name)).to.not.include('Sanne de Vries');
  });

  it('looks up by registration number, keeping leading zeros', async () => {
    const search = (await (await get('/api/public/register?q=vries')).json()) as { items: Array<{ registrationNumber: string; name: string }> };
    const number = search.items.find((i) => i.name === 'Sanne de Vries')!.registrationNumber;
    const res = await get(`/api/public/register/${number}`);
    expect(res.status).to.equal(200);
    const entry = (await res.json()) as { name: string; registrationNumber: string; validUntil: string; registeredSince: string };
    expect(entry.name).to.equal('Sanne de Vries');
    expect(entry.registrationNumber).to.equal(number);
    expect(entry.registeredSince).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(entry.validUntil > entry.registeredSince).to.equal(true);
    const byQuery = (await (await get(`/api/public/register?q=${number}`)).json()) as { items: Array<{ name: string }>; total: number };
    expect(byQuery.total).to.equal(1);
    expect(byQuery.items[0]!.name).to.equal('Sanne de Vries');
  });

  it('shows a suspended person with the public schorsing, and a struck-off person', async () => {
    const anouk = (await (await get('/api/public/register?q=anouk linden')).json()) as { items: Array<{ status: string; validUntil: unknown; measures: Array<{ type: string; final: boolean }> }> };
    expect(anouk.items[0]!.status).to.equal('suspended');
    expect(anouk.items[0]!.validUntil).to.equal(null);
    expect(anouk.items[0]!.measures.map((m) => m.type)).to.deep.equal(['schorsing']);
    const kees = (await (await get('/api/public/register?q=kees brouwer')).json()) as { items: Array<{ status: string; measures: Array<{ type: string; publicUntil: unknown }> }> };
    expect(kees.items[0]!.status).to.equal('struck_off');
    expect(kees.items[0]!.measures[0]).to.deep.include({ type: 'doorhaling', publicUntil: null });
  });

  it('never shows a waarschuwing, and shows a berisping only when publication was ordered', async () => {
    const db = app.runtime.dataSource;
    const [emre] = (await db.query(`SELECT id FROM persons WHERE family_name = 'Özdemir' AND given_names = 'Emre'`)) as Array<{ id: string }>;
    await db.query(
      `INSERT INTO measures (person_id, measure_type, body, case_reference, decision_date, final, publication_ordered)
       VALUES ($1, 'waarschuwing', 'CvT', 'T-1', current_date - 10, true, false), ($1, 'berisping', 'CvT', 'T-2', current_date - 10, true, false)`,
      [emre!.id],
    );
    const body = (await (await get('/api/public/register?q=emre ozdemir')).json()) as { items: Array<{ measures: unknown[] }> };
    expect(body.items[0]!.measures).to.deep.equal([]);
  });

  it('does not list concepts, applicants, rejected people or people without publication consent', async () => {
    const db = app.runtime.dataSource;
    const hidden = (await db.query(
      `SELECT p.given_names, p.family_name FROM persons p JOIN registrations r ON r.person_id = p.id
        WHERE r.status IN ('concept', 'submitted', 'in_review', 'rejected') AND r.parent_registration_id IS NULL`,
    )) as Array<{ given_names: string; family_name: string }>;
    expect(hidden.length).to.be.greaterThan(0);
    const numbers = (await db.query(`SELECT registration_number FROM persons WHERE registration_number IS NULL`)) as unknown[];
    expect(numbers.length).to.be.greaterThan(0);
    const [sanne] = (await db.query(`SELECT p.id, p.registration_number FROM persons p WHERE seed_key = 'seed-person-0'`)) as Array<{ id: string; registration_number: string }>;
    await db.query(`UPDATE registrations SET public_consent = false WHERE person_id = $1`, [sanne!.id]);
    try {
      expect((await get(`/api/public/register/${sanne!.registration_number}`)).status).to.equal(404);
      const body = (await (await get('/api/public/register?q=sanne vries')).json()) as { total: number };
      expect(body.total).to.equal(0);
    } finally {
      await db.query(`UPDATE registrations SET public_consent = true WHERE person_id = $1`, [sanne!.id]);
    }
  });

  it('paginates with a stable total', async () => {
    const first = (await (await get('/api/public/register?q=e&pageSize=1')).json()) as unknown;
    expect(first).to.have.property('error');
    const all = (await (await get('/api/public/register?q=de&pageSize=50')).json()) as { total: number; items: Array<{ registrationNumber: string }> };
    expect(all.total).to.be.greaterThan(2);
    const p1 = (await (await get('/api/public/register?q=de&pageSize=2&page=1')).json()) as { total: number; items: Array<{ registrationNumber: string }> };
    const p2 = (await (await get('/api/public/register?q=de&pageSize=2&page=2')).json()) as { total: number; items: Array<{ registrationNumber: string }> };
    expect(p1.total).to.equal(all.total);
    expect(p2.total).to.equal(all.total);
    expect(p1.items.map((i) => i.registrationNumber)).to.deep.equal(all.items.slice(0, 2).map((i) => i.registrationNumber));
    expect(p2.items.map((i) => i.registrationNumber)).to.deep.equal(all.items.slice(2, 4).map((i) => i.registrationNumber));
    const beyond = (await (await get('/api/public/register?q=de&pageSize=50&page=99')).json()) as { total: number; items: unknown[] };
    expect(beyond.items).to.deep.equal([]);
    expect(beyond.total).to.equal(all.total);
  });

  describe('bad input', () => {
    const cases: Array<[string, string, number, string]> = [
      ['missing q', '/api/public/register', 400, 'invalid_input'],
      ['too short q', '/api/public/register?q=a', 400, 'invalid_input'],
      ['oversized q', `/api/public/register?q=${'a'.repeat(101)}`, 400, 'invalid_input'],
      ['unknown parameter', '/api/public/register?q=vries&sort=name', 400, 'invalid_input'],
      ['repeated q', '/api/public/register?q=vries&q=jansen', 400, 'invalid_input'],
      ['page not a number', '/api/public/register?q=vries&page=abc', 400, 'invalid_input'],
      ['page size too large', '/api/public/register?q=vries&pageSize=51', 400, 'invalid_input'],
      ['only punctuation', '/api/public/register?q=%25%25', 400, 'invalid_input'],
      ['malformed number', '/api/public/register/12ab', 400, 'invalid_input'],
      ['number with unknown parameter', '/api/public/register/000100001?x=1', 400, 'invalid_input'],
      ['unknown number', '/api/public/register/999999999', 404, 'not_found'],
      ['unknown API route', '/api/public/nothing', 404, 'not_found'],
    ];
    for (const [name, path, status, code] of cases) {
      it(`${name} → ${status} ${code}`, async () => {
        const res = await get(path);
        expect(res.status).to.equal(status);
        const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
        expect(body.error.code).to.equal(code);
        expect(body.error.message).to.be.a('string').and.not.equal('');
        expect(body.error.requestId).to.be.a('string').and.not.equal('');
      });
    }

    it('an oversized URL is refused, not processed', async () => {
      const res = await get(`/api/public/register?q=${'a'.repeat(20_000)}`);
      expect(res.status).to.be.oneOf([400, 414, 431]);
    });
  });

  describe('stays true to the registrations (publicly_listed is kept by the database)', () => {
    const db = () => app.runtime.dataSource;
    const sanneNumber = async () =>
      ((await db().query(`SELECT registration_number FROM persons WHERE search_text = 'sanne de vries'`)) as Array<{ registration_number: string }>)[0]!
        .registration_number;
    const sanneVisible = async () => {
      const lookup = await get(`/api/public/register/${await sanneNumber()}`);
      const search = (await (await get('/api/public/register?q=sanne vries')).json()) as { total: number };
      return { lookup: lookup.status, found: search.total };
    };
    const generalistOfSanne = `
      FROM persons p JOIN variants v ON v.kind = 'generalist'
     WHERE r.person_id = p.id AND r.variant_id = v.id AND p.search_text = 'sanne de vries'`;

    afterEach(async () => {
      await db().query(`UPDATE registration_statuses SET public_status = 'registered' WHERE code = 'registered'`);
      await db().query(`UPDATE registrations r SET status = 'registered', public_consent = true ${generalistOfSanne}`);
    });

    it('hides a person whose registration gets a status without public status, and shows them again', async () => {
      expect(await sanneVisible()).to.deep.equal({ lookup: 200, found: 1 });
      await db().query(`UPDATE registrations r SET status = 'withdrawn' ${generalistOfSanne}`);
      expect(await sanneVisible()).to.deep.equal({ lookup: 200, found: 1 });
      await db().query(`UPDATE registration_statuses SET public_status = NULL WHERE code = 'withdrawn'`);
      try {
        expect(await sanneVisible()).to.deep.equal({ lookup: 404, found: 0 });
      } finally {
        await db().query(`UPDATE registration_statuses SET public_status = 'withdrawn' WHERE code = 'withdrawn'`);
      }
      expect(await sanneVisible()).to.deep.equal({ lookup: 200, found: 1 });
    });

    it('hides a person who withdraws publication consent', async () => {
      await db().query(`UPDATE registrations r SET public_consent = false ${generalistOfSanne}`);
      expect(await sanneVisible()).to.deep.equal({ lookup: 404, found: 0 });
    });

    it('re-decides for everyone when the register changes which statuses are public', async () => {
      const listed = async () => Number(((await db().query(`SELECT count(*) AS n FROM persons WHERE publicly_listed`)) as Array<{ n: string }>)[0]!.n);
      const before = await listed();
      await db().query(`UPDATE registration_statuses SET public_status = NULL WHERE code = 'registered'`);
      expect(await sanneVisible()).to.deep.equal({ lookup: 404, found: 0 });
      expect(await listed()).to.be.below(before);
      await db().query(`UPDATE registration_statuses SET public_status = 'registered' WHERE code = 'registered'`);
      expect(await listed()).to.equal(before);
    });

    it('has every flag equal to the rule it stands for', async () => {
      const [row] = (await db().query(`
        SELECT count(*) AS wrong FROM persons p
         WHERE p.publicly_listed IS DISTINCT FROM EXISTS (
                 SELECT 1 FROM registrations r
                   JOIN variants v ON v.id = r.variant_id AND v.kind = 'generalist'
                   JOIN registration_statuses s ON s.code = r.status AND s.public_status IS NOT NULL
                  WHERE r.person_id = p.id AND r.public_consent)`)) as Array<{ wrong: string }>;
      expect(Number(row!.wrong)).to.equal(0);
    });
  });

  it('is rate limited per client', async () => {
    const limited = await startTestApp({ port: 0, overrides: { publicRateLimitPerMinute: 3 } });
    try {
      // Start from an empty window: other tests in this file counted against the same client.
      await limited.runtime.redis.flushdb();
      const answers: Response[] = [];
      for (let i = 0; i < 5; i++) answers.push(await fetch(`${limited.url}/api/public/register?q=vries`));
      expect(answers.map((r) => r.status)).to.deep.equal([200, 200, 200, 429, 429]);
      // IETF draft-8 headers: what is left in the window and when it resets; Retry-After only when refused.
      expect(answers[0]!.headers.get('ratelimit')).to.match(/^"3-in-60sec"; r=2; t=\d+$/);
      expect(answers[2]!.headers.get('ratelimit')).to.match(/^"3-in-60sec"; r=0; t=\d+$/);
      expect(answers[0]!.headers.get('ratelimit-policy')).to.equal('"3-in-60sec"; q=3; w=60');
      expect(answers[0]!.headers.get('retry-after')).to.equal(null);
      const retryAfter = Number(answers[3]!.headers.get('retry-after'));
      expect(retryAfter).to.be.within(0, 60);
      const res = await fetch(`${limited.url}/api/public/register?q=vries`);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).to.equal('rate_limited');
    } finally {
      await limited.runtime.redis.flushdb();
      await limited.close();
    }
  });
});
