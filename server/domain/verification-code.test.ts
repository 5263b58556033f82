import { expect } from 'chai';
import { generateVerificationCode, isVerificationCode, normalizeVerificationCode, VERIFICATION_CODE_ALPHABET } from './verification-code.js';

describe('certificate verification codes', () => {
  it('are 10 symbols of a 32-symbol alphabet without I, O, 0 and 1', () => {
    expect(VERIFICATION_CODE_ALPHABET).to.have.length(32);
    expect(new Set(VERIFICATION_CODE_ALPHABET).size).to.equal(32);
    for (const c of 'IO01') expect(VERIFICATION_CODE_ALPHABET).to.not.include(c);
    for (let i = 0; i < 500; i++) {
      const code = generateVerificationCode();
      expect(code).to.match(/^[A-Z2-9]{10}$/);
      expect(code).to.not.match(/[IO]/);
      expect(isVerificationCode(code), code).to.equal(true);
    }
  });

  it('uses the whole alphabet and does not repeat itself', () => {
    const codes = Array.from({ length: 2000 }, generateVerificationCode);
    expect(new Set(codes).size).to.equal(codes.length);
    expect(new Set(codes.join('')).size).to.equal(32);
  });

  it('recognises only codes the generator could have made', () => {
    expect(isVerificationCode('ABCDEFGH23')).to.equal(true);
    for (const bad of ['', 'ABCDEFGH2', 'ABCDEFGH234', 'abcdefgh23', 'ABCDEFGHI2', 'ABCDEFGHO2', 'ABCDEFGH01', 'ABCDE-FGH2', ' ABCDEFGH23']) {
      expect(isVerificationCode(bad), bad).to.equal(false);
    }
  });

  it('forgives lower case, spaces and dashes in what people type', () => {
    expect(normalizeVerificationCode(' abcde-fgh23 ')).to.equal('ABCDEFGH23');
    expect(normalizeVerificationCode('ABCDE FGH 23')).to.equal('ABCDEFGH23');
    expect(normalizeVerificationCode('abcde – fgh23')).to.equal('ABCDEFGH23');
  });
});
