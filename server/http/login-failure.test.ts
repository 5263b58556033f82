import { expect } from 'chai';
import { createRequire } from 'node:module';
import { loginFailedPath, loginFailureReason } from './login-failure.js';

const require = createRequire(import.meta.url);
type ErrorClass = new (...args: unknown[]) => Error;
const AuthorizationError = require('passport-openidconnect/lib/errors/authorizationerror') as ErrorClass;
const TokenError = require('passport-openidconnect/lib/errors/tokenerror') as ErrorClass;
const InternalOAuthError = require('passport-openidconnect/lib/errors/internaloautherror') as ErrorClass;

describe('login failure reasons', () => {
  it('maps the provider\'s ?error= values', () => {
    const reasons = ['access_denied', 'login_required', 'consent_required', 'server_error', 'temporarily_unavailable', 'invalid_scope', 'made_up'].map((error) =>
      loginFailureReason({ kind: 'provider_said', error }),
    );
    expect(reasons).to.deep.equal(['access_denied', 'login_required', 'login_required', 'provider_error', 'provider_error', 'invalid_request', 'provider_error']);
  });

  it('maps errors raised by passport-openidconnect', () => {
    expect(loginFailureReason({ kind: 'error', err: new AuthorizationError('x', 'login_required') })).to.equal('login_required');
    expect(loginFailureReason({ kind: 'error', err: new TokenError('grant request is invalid', 'invalid_grant') })).to.equal('invalid_request');
    expect(loginFailureReason({ kind: 'error', err: new TokenError('boom', 'server_error') })).to.equal('provider_error');
    // The provider unreachable, or its userinfo endpoint failing.
    const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(loginFailureReason({ kind: 'error', err: new InternalOAuthError('Failed to obtain access token', unreachable) })).to.equal('provider_error');
    expect(loginFailureReason({ kind: 'error', err: new InternalOAuthError('Failed to fetch user profile', { statusCode: 500 }) })).to.equal('provider_error');
  });

  it('calls our own failure (e.g. the account lookup in onLogin) unknown', () => {
    expect(loginFailureReason({ kind: 'error', err: new Error('connection terminated') })).to.equal('unknown');
    expect(loginFailureReason({ kind: 'error', err: 'a string' })).to.equal('unknown');
  });

  it('calls a callback we did not ask for invalid_request and a refused ID token provider_error', () => {
    expect(loginFailureReason({ kind: 'not_our_request' })).to.equal('invalid_request');
    expect(loginFailureReason({ kind: 'refused', message: 'ID token contains invalid nonce.' })).to.equal('provider_error');
  });

  it('builds the path of the login-failed page', () => {
    expect(loginFailedPath('login_required')).to.equal('/login/failed?reason=login_required');
  });
});
