import { expect } from 'chai';
import { variantsOpenForApplication } from './eligibility.js';

const variants = [
  { code: 'sociaal-werker', kind: 'generalist' as const, parentCode: null },
  { code: 'jeugd', kind: 'specialist' as const, parentCode: 'sociaal-werker' },
];
const codes = (f: Parameters<typeof variantsOpenForApplication>[0]) => variantsOpenForApplication(f).map((v) => v.variantCode);
const reg = (variantCode: string, status: string, countsAsRegistered = false) => ({ variantCode, status, countsAsRegistered });

describe('variantsOpenForApplication', () => {
  it('offers the generalist to someone without registrations, and no specialist', () => {
    expect(codes({ variants, registrations: [] })).to.deep.equal(['sociaal-werker']);
  });
  it('offers specialists under an active generalist registration', () => {
    expect(codes({ variants, registrations: [reg('sociaal-werker', 'registered', true)] })).to.deep.equal(['jeugd']);
  });
  it('offers nothing to a lapsed or struck-off registrant: their registration is still live', () => {
    for (const status of ['lapsed', 'struck_off', 'suspended', 'submitted', 'concept']) {
      expect(codes({ variants, registrations: [reg('sociaal-werker', status)] }), status).to.deep.equal([]);
    }
  });
  it('offers the generalist again after a rejection or withdrawal', () => {
    for (const status of ['rejected', 'withdrawn']) {
      expect(codes({ variants, registrations: [reg('sociaal-werker', status)] }), status).to.deep.equal(['sociaal-werker']);
    }
  });
});
