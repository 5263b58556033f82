import { expect } from 'chai';
import type { Job } from 'bullmq';
import type { PortfolioExportView } from '../../server/contract/cpd-activities.js';
import { createLogger } from '../../server/logger.js';
import { createPortfolioHandler } from '../../workers/portfolio/portfolio.handler.js';
import { JOB_BEHAVIOUR, type WorkerDeps } from '../../workers/registry.js';
import { apiClient } from '../helpers/api-client.js';
import { resetDatabase } from '../helpers/database.js';
import { oidcLogin } from '../helpers/http-session.js';
import { readPdf } from '../helpers/pdf.js';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app.js';

const silent = createLogger({ logLevel: 'silent' }, 'test');
const fakeJob = (data: unknown) => ({ data, id: 'x', attemptsMade: 0, opts: {} }) as unknown as Job;

describe('CPD portfolio PDF: request → worker → download', function () {
  this.timeout(120_000);
  let app: TestApp;
  const db = () => app.runtime.dataSource;

  before(async () => {
    app = await startTestApp({ workers: true });
    await resetDatabase(db(), app.config.oidc.issuer, 8, app.config.evidenceDir);
  });
  after(() => app?.close());

  it('renders the requested portfolio in the worker; the download parses and carries decisions and reasons', async () => {
    const sanne = apiClient((await oidcLogin(app.url, 'registrant', 'demo-registrant')).session, app.url);
    const other = apiClient((await oidcLogin(app.url, `nieuw-portfolio-${Date.now()}`, 'demo-nieuw')).session, app.url);
    const requested = await sanne.post<PortfolioExportView>('/api/my/cpd/portfolio', { locale: 'nl' });
    expect(requested.status).to.equal(201);
    expect(requested.body.status).to.equal('pending');
    const id = requested.body.id;
    expect((await other.get(`/api/my/cpd/portfolio/${id}`)).status).to.equal(404);
    expect((await other.get(`/api/my/cpd/portfolio/${id}/pdf`)).status).to.equal(404);
    const done = await waitFor('portfolio rendered', () => sanne.get<PortfolioExportView>(`/api/my/cpd/portfolio/${id}`), (r) => r.body.status !== 'pending', 30_000);
    expect(done.body.status).to.equal('rendered');
    const res = await sanne.get<string>(`/api/my/cpd/portfolio/${id}/pdf`);
    expect(res.status).to.equal(200);
    const [row] = (await db().query(`SELECT pdf FROM portfolio_exports WHERE id = $1`, [id])) as Array<{ pdf: Buffer }>;
    const pdf = await readPdf(row!.pdf);
    expect(pdf.pages).to.be.at.least(1);
    expect(pdf.title).to.match(/CPD-portfolio/);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).to.include('Sanne de Vries');
    expect(text).to.include('Deskundigheidsbevordering');
    expect(text).to.include('Teamoverleg wijkteam');
    expect(text).to.include('afgewezen');
    expect(text).to.include('Het certificaat vermeldt 12 netto contacturen');
    expect(text).to.include('boven het maximum');
  });

  it('answers application/pdf with an attachment name', async () => {
    const sanne = apiClient((await oidcLogin(app.url, 'registrant', 'demo-registrant')).session, app.url);
    const requested = await sanne.post<PortfolioExportView>('/api/my/cpd/portfolio', { locale: 'en' });
    await waitFor('rendered', () => sanne.get<PortfolioExportView>(`/api/my/cpd/portfolio/${requested.body.id}`), (r) => r.body.status === 'rendered', 30_000);
    const login = await oidcLogin(app.url, 'registrant', 'demo-registrant');
    const res = await login.session.fetch(`${app.url}/api/my/cpd/portfolio/${requested.body.id}/pdf`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/pdf');
    expect(res.headers.get('content-disposition')).to.match(/^attachment; filename="portfolio-\d+-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const parsed = await readPdf(Buffer.from(await res.arrayBuffer()));
    expect(parsed.text).to.include('CPD portfolio');
    expect((await sanne.post('/api/my/cpd/portfolio', { locale: 'de' })).status).to.equal(400);
  });

  it('keeps a failing render pending with the reason, then marks it failed after the last attempt; the download says so', async () => {
    const sanne = apiClient((await oidcLogin(app.url, 'registrant', 'demo-registrant')).session, app.url);
    const [person] = (await db().query(`SELECT id FROM persons WHERE seed_key = 'seed-person-0'`)) as Array<{ id: string }>;
    // Not enqueued: the handler is driven by hand.
    const [row] = (await db().query(`INSERT INTO portfolio_exports (person_id, locale) VALUES ($1, 'nl') RETURNING id`, [person!.id])) as Array<{ id: string }>;
    const id = row!.id;
    const pending = await sanne.get<{ error: { code: string } }>(`/api/my/cpd/portfolio/${id}/pdf`);
    expect(pending.status).to.equal(409);
    expect(pending.body.error.code).to.equal('portfolio_pending');

    const broken = createPortfolioHandler({ db: db(), logger: silent, render: () => Promise.reject(new Error('disk full')) });
    let error: unknown;
    await broken(fakeJob({ exportId: id })).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    const [afterTry] = (await db().query(`SELECT status, attempts, last_error FROM portfolio_exports WHERE id = $1`, [id])) as Array<{ status: string; attempts: number; last_error: string }>;
    expect(afterTry).to.deep.equal({ status: 'pending', attempts: 1, last_error: 'Error: disk full' });

    await JOB_BEHAVIOUR['portfolio.render'].onFinalFailure!({ db: db() } as WorkerDeps, { exportId: id }, new Error('disk full'));
    const status = await sanne.get<PortfolioExportView>(`/api/my/cpd/portfolio/${id}`);
    expect(status.body.status).to.equal('failed');
    const failed = await sanne.get<{ error: { code: string } }>(`/api/my/cpd/portfolio/${id}/pdf`);
    expect(failed.status).to.equal(409);
    expect(failed.body.error.code).to.equal('portfolio_failed');
    // A failed export is not rendered again by a late job.
    const handler = createPortfolioHandler({ db: db(), logger: silent });
    expect(await handler(fakeJob({ exportId: id }))).to.equal('already-done');
    let invalid: unknown;
    await handler(fakeJob({ exportId: 'nope' })).catch((e: unknown) => (invalid = e));
    expect(invalid).to.be.instanceOf(Error);
  });
});
