import { expect } from 'chai';
import { EMPTY_ORGANISATION, requestFormSchema, updateFormSchema } from './organisation-form.js';

const complete = {
  name: '  Opleidingshuis Zuid ',
  kvkNumber: '01234567',
  contactName: 'Petra Jansen',
  contactEmail: 'petra@example.nl',
  phone: '050 123 4567',
  website: 'https://opleidingshuis.example',
  city: 'Maastricht',
};

describe('organisation form', () => {
  it('sends a complete request trimmed, as a provider', () => {
    expect(requestFormSchema.parse(complete)).to.deep.equal({ ...complete, name: 'Opleidingshuis Zuid', kind: 'provider' });
  });

  it('refuses an empty form field by field, and a KvK number that is not 8 digits', () => {
    const empty = requestFormSchema.safeParse(EMPTY_ORGANISATION);
    expect(empty.success).to.equal(false);
    expect(new Set(empty.error!.issues.map((i) => i.path[0]))).to.deep.equal(new Set(Object.keys(EMPTY_ORGANISATION)));
    const kvk = requestFormSchema.safeParse({ ...complete, kvkNumber: '1234567' });
    expect(kvk.error!.issues.map((i) => i.path[0])).to.deep.equal(['kvkNumber']);
  });

  it('sends only the changed fields of an edit, and refuses an edit that changes nothing', () => {
    const before = { ...complete, name: 'Opleidingshuis Zuid' };
    expect(updateFormSchema(before).parse({ ...before, city: 'Heerlen' })).to.deep.equal({ city: 'Heerlen' });
    expect(updateFormSchema(before).safeParse(before).success).to.equal(false);
  });
});
