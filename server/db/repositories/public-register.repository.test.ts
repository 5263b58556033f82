import { expect } from 'chai';
import { normalizeForSearch } from '../../domain/person-name.js';
import { prefixQuery } from './public-register.repository.js';

describe('public name search query', () => {
  it('asks for every token at the start of a word', () => {
    const tokens = normalizeForSearch("Van der LINDEN-d'Özdemir").split(' ');
    expect(prefixQuery(tokens)).to.equal("'van':* & 'der':* & 'linden':* & 'd':* & 'ozdemir':*");
  });

  it('refuses anything normalizeForSearch would not have produced, so no input becomes tsquery syntax', () => {
    for (const bad of ["o'brien", 'a|b', 'x:*', '!', '', 'two words']) expect(() => prefixQuery([bad]), bad).to.throw(/not a normalized search token/);
    expect(() => prefixQuery([])).to.throw(/at least one token/);
  });
});
