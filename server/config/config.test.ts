import { expect } from 'chai';
import { ConfigError, loadConfig } from './config.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  OIDC_ISSUER: 'https://login.example.nl/',
  OIDC_CLIENT_ID: 'vakregister',
  OIDC_CLIENT_SECRET: 's3cret',
  SMTP_URL: 'smtp://localhost:25',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('accepts a complete environment and derives the rest', () => {
    const c = loadConfig(valid);
    expect(c.port).to.equal(3000);
    expect(c.publicUrl).to.equal('http://localhost:3000');
    expect(c.oidc.issuer).to.equal('https://login.example.nl');
    expect(c.secureCookies).to.equal(false);
  });

  it('lists every bad variable at once', () => {
    const list = problems({ DATABASE_URL: 'mysql://x', PORT: 'eighty', SMTP_URL: 'smtp://localhost:25' });
    const names = list.map((p) => p.split(':')[0]);
    expect(names).to.include.members(['DATABASE_URL', 'PORT', 'REDIS_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']);
    expect(names).to.not.include('SMTP_URL');
  });

  it('refuses the development services, a missing session secret and plain http in production', () => {
    const list = problems({ ...valid, NODE_ENV: 'production', VAKREGISTER_DEV_SERVICES: 'true', PUBLIC_URL: 'http://register.example.nl' });
    const names = list.map((p) => p.split(':')[0]);
    expect(names).to.have.members(['VAKREGISTER_DEV_SERVICES', 'SESSION_SECRET', 'PUBLIC_URL']);
  });

  it('accepts a proper production environment with secure cookies', () => {
    const c = loadConfig({ ...valid, NODE_ENV: 'production', SESSION_SECRET: 'a-long-random-session-secret', PUBLIC_URL: 'https://register.example.nl' });
    expect(c.secureCookies).to.equal(true);
  });
});
