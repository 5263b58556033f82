import { expect } from 'chai';
import { normalizeVerificationCode, searchQuerySchema, verifyQuerySchema } from './schemas.js';

describe('client copies of the server request schemas', () => {
  it('forgive case, spaces and dashes in a verification code, and refuse look-alikes', () => {
    expect(normalizeVerificationCode(' abcde-fghjk ')).to.equal('ABCDEFGHJK');
    expect(normalizeVerificationCode('ABCDE – FGHJK')).to.equal('ABCDEFGHJK');
    expect(verifyQuerySchema.parse({ code: 'abcde-fghjk' })).to.deep.equal({ code: 'ABCDEFGHJK' });
    expect(verifyQuerySchema.parse({ code: '' })).to.deep.equal({ code: null });
    expect(verifyQuerySchema.safeParse({ code: 'ABCDEFGHJ1' }).success).to.equal(false);
  });

  it('search for at least 2 characters after trimming', () => {
    expect(searchQuerySchema.shape.q.safeParse(' a ').success).to.equal(false);
    expect(searchQuerySchema.shape.q.parse(' vries ')).to.equal('vries');
  });
});
