import { expect } from 'chai';
import { cleanReceivedName, freeText, personName, singleLineText, TEXT_MESSAGES } from './text.js';

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (result.success ? [] : result.error!.issues.map((i) => i.message));

describe('text building blocks', () => {
  describe('freeText', () => {
    const schema = freeText({ min: 5, max: 50 });

    it('keeps line breaks and tabs, trims the ends', () => {
      expect(schema.parse('  Diploma ontbreekt.\nGraag\topnieuw.  ')).to.equal('Diploma ontbreekt.\nGraag\topnieuw.');
    });

    for (const [name, char] of [['NUL', '\u0000'], ['bell', '\u0007'], ['carriage return', '\r'], ['escape', '\u001b'], ['DEL', '\u007f'], ['C1 control', '\u0085']] as const) {
      it(`refuses ${name}`, () => {
        expect(messages(schema.safeParse(`Reden${char} van de afwijzing`))).to.deep.equal([TEXT_MESSAGES.control]);
      });
    }

    it('refuses a lone surrogate', () => {
      expect(messages(schema.safeParse('Reden \ud800 hier'))).to.deep.equal([TEXT_MESSAGES.malformed]);
    });

    it('applies the bounds after trimming', () => {
      expect(messages(schema.safeParse('   abc   '))).to.deep.equal(['Use at least 5 characters.']);
      expect(schema.safeParse('x'.repeat(51)).success).to.equal(false);
    });
  });

  describe('singleLineText', () => {
    const schema = singleLineText({ max: 40 });
    it('refuses newlines and tabs', () => {
      expect(messages(schema.safeParse('zaak\n123'))).to.deep.equal([TEXT_MESSAGES.controlSingleLine]);
      expect(messages(schema.safeParse('zaak\t123'))).to.deep.equal([TEXT_MESSAGES.controlSingleLine]);
      expect(schema.parse(' SKJ-2025-0042 ')).to.equal('SKJ-2025-0042');
    });
  });

  describe('personName', () => {
    const schema = personName({ max: 100 });
    it('accepts names with diacritics, apostrophes, hyphens and non-Latin scripts', () => {
      for (const name of ["Özdemir", "d'Hondt", 'Jansen-Bakker', 'محمد', 'Ñúñez']) expect(schema.parse(name)).to.equal(name);
    });
    it('refuses bidirectional overrides, isolates and marks', () => {
      for (const char of ['\u202e', '\u202d', '\u2066', '\u2069', '\u200f']) expect(messages(schema.safeParse(`Jan${char}sen`))).to.deep.equal([TEXT_MESSAGES.bidi]);
    });
    it('refuses NUL and line breaks', () => {
      expect(messages(schema.safeParse('Jan\u0000sen'))).to.deep.equal([TEXT_MESSAGES.controlSingleLine]);
      expect(messages(schema.safeParse('Jan\nsen'))).to.deep.equal([TEXT_MESSAGES.controlSingleLine]);
    });
    it('allows an optional part to be empty when min is 0', () => {
      expect(personName({ min: 0, max: 30 }).parse('  ')).to.equal('');
    });
  });

  describe('cleanReceivedName', () => {
    it('drops control and text-direction characters from a name it cannot refuse', () => {
      expect(cleanReceivedName(' Jan\u0000 de\tVries\u202e ')).to.equal('Jan de Vries');
      expect(cleanReceivedName('\u2066Özdemir\u2069\ud800')).to.equal('Özdemir');
      expect(cleanReceivedName('\u0000\u202e')).to.equal('');
    });
  });
});
