import { expect } from 'chai';
import { displayName, normalizeForSearch, searchTextFor, sortKeyFor } from './person-name.js';

describe('person names', () => {
  it('joins given names, tussenvoegsel and family name', () => {
    expect(displayName({ givenNames: 'Sanne', prefix: 'de', familyName: 'Vries' })).to.equal('Sanne de Vries');
    expect(displayName({ givenNames: 'Emre', prefix: null, familyName: 'Özdemir' })).to.equal('Emre Özdemir');
  });

  it('normalizes case and diacritics for search', () => {
    expect(normalizeForSearch('Özdemir')).to.equal('ozdemir');
    expect(normalizeForSearch('Fatma Yılmaz')).to.equal('fatma yilmaz');
    expect(normalizeForSearch("  Anne-Marie  d'Hondt ")).to.equal('anne marie d hondt');
    expect(searchTextFor({ givenNames: 'Sanne', prefix: 'de', familyName: 'Vries' })).to.equal('sanne de vries');
  });

  it('sorts on the family name, not the tussenvoegsel', () => {
    const a = sortKeyFor({ givenNames: 'Sanne', prefix: 'de', familyName: 'Vries' });
    const b = sortKeyFor({ givenNames: 'Jan', prefix: null, familyName: 'Bakker' });
    expect(a > b).to.equal(true);
    expect(a.startsWith('vries')).to.equal(true);
  });
});
