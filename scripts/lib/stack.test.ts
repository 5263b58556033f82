import { expect } from 'chai';
import { startStack, TEST_PORTS } from './stack.js';

describe('embedded development stack', () => {
  it('refuses to start in production, before starting anything', async () => {
    let error: unknown;
    await startStack({ dataDir: '/nonexistent', ports: TEST_PORTS, source: { NODE_ENV: 'production' } }).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/refused in production/);
  });
});

describe('embedded development stack with real services configured', () => {
  it('starts no embedded part when every service URL is set', async () => {
    const source = {
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://u:p@db.example.nl:5432/vakregister',
      REDIS_URL: 'redis://cache.example.nl:6379',
      OIDC_ISSUER: 'https://login.example.nl',
      OIDC_CLIENT_ID: 'vakregister',
      OIDC_CLIENT_SECRET: 'secret',
      SMTP_URL: 'smtp://mail.example.nl:587',
    };
    const stack = await startStack({ dataDir: '/nonexistent', ports: TEST_PORTS, source });
    try {
      expect(stack.started).to.deep.equal([]);
      expect(stack.mailWebUrl).to.equal(null);
      expect(stack.env).to.include({ DATABASE_URL: source.DATABASE_URL, REDIS_URL: source.REDIS_URL, OIDC_ISSUER: source.OIDC_ISSUER, SMTP_URL: source.SMTP_URL });
      expect(stack.env).to.not.have.property('VAKREGISTER_DEV_SERVICES');
    } finally {
      await stack.stop();
    }
  });
});
