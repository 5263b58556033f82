import { expect } from 'chai';
import { cleanFileName } from './evidence.js';

describe('evidence', () => {
  describe('cleanFileName', () => {
    it('keeps the base name without control or text-direction characters', () => {
      expect(cleanFileName('C:\\scans\\diploma\u0000.pdf')).to.equal('diploma.pdf');
      expect(cleanFileName('vog\u202efdp.exe')).to.equal('vogfdp.exe');
      expect(cleanFileName('\u2066\u2069')).to.equal('bestand');
    });
  });
});
