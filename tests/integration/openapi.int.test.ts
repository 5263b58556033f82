import { expect } from 'chai';
import { ROUTES, type RouteName } from '../../server/contract/routes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface Operation {
  operationId: string;
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

describe('API documentation', function () {
  this.timeout(30_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app?.close());

  it('serves an OpenAPI 3.1 document with every route of the contract, its schemas and its error codes', async () => {
    const res = await fetch(`${app.url}/api/docs/openapi.json`);
    expect(res.status).to.equal(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).to.equal('3.1.0');
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      const route = ROUTES[name];
      const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).to.not.equal(undefined);
      expect(op!.operationId).to.equal(name);
      // Every route documents at least its common errors, each status listing its codes.
      expect(op!.responses['400']?.description, name).to.contain('`invalid_input`');
      for (const code of route.errors) expect(JSON.stringify(op!.responses), `${name} documents ${code}`).to.contain(`\`${code}\``);
    }
    expect(doc.paths['/api/my/registrations/{id}']!.patch!.responses['409']!.description).to.contain('`not_editable`');
    expect(Object.keys(doc.components?.schemas ?? {})).to.include.members(['PublicEntry', 'RegistrationDetail', 'Error']);
  });

  it('serves a readable reference page and its assets from the app itself', async () => {
    const page = await fetch(`${app.url}/api/docs`);
    expect(page.status).to.equal(200);
    const html = await page.text();
    expect(html).to.contain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).to.not.match(/https?:\/\/(?!localhost)/);
    for (const asset of ['/api/docs/assets/swagger-ui-bundle.js', '/api/docs/assets/swagger-ui.css', '/api/docs/assets/init.js']) {
      const res = await fetch(`${app.url}${asset}`);
      expect(res.status, asset).to.equal(200);
      await res.arrayBuffer();
    }
    expect((await fetch(`${app.url}/api/docs/assets/nothing-here.js`)).status).to.equal(404);
  });
});
