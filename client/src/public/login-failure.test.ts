import { expect } from 'chai';
import { loginFailureReason, LOGIN_FAILURE_REASONS } from './login-failure.js';
import nl from '../i18n/nl.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };

describe('login failure reasons', () => {
  it('keeps the reasons the server sends and falls back to unknown', () => {
    for (const reason of LOGIN_FAILURE_REASONS) expect(loginFailureReason(reason)).to.equal(reason);
    for (const raw of [null, '', 'server_error', 'ACCESS_DENIED', 'toString', '__proto__']) expect(loginFailureReason(raw)).to.equal('unknown');
  });

  it('has a Dutch and an English text for every reason', () => {
    for (const reason of LOGIN_FAILURE_REASONS) {
      expect(nl.loginFailed.reason[reason], `nl ${reason}`).to.be.a('string');
      expect(en.loginFailed.reason[reason], `en ${reason}`).to.be.a('string');
    }
  });
});
