import { expect } from 'chai';
import { formatDate, parseIsoDate } from './format.js';

describe('formatDate', () => {
  it('formats plain dates in Dutch', () => {
    expect(formatDate('2025-01-01', 'nl')).to.equal('1 januari 2025');
    expect(formatDate('2024-03-15', 'nl')).to.equal('15 maart 2024');
  });

  it('formats plain dates in British English', () => {
    expect(formatDate('2025-01-01', 'en')).to.equal('1 January 2025');
  });

  it('falls back to Dutch for unknown languages', () => {
    expect(formatDate('2025-07-04', 'de')).to.equal('4 juli 2025');
  });

  it('never shifts a plain date by a day (year ends, DST changes, leap day)', () => {
    expect(formatDate('2024-12-31', 'nl')).to.equal('31 december 2024');
    expect(formatDate('2025-01-01', 'nl')).to.equal('1 januari 2025');
    expect(formatDate('2025-03-30', 'nl')).to.equal('30 maart 2025'); // DST starts
    expect(formatDate('2025-10-26', 'nl')).to.equal('26 oktober 2025'); // DST ends
    expect(formatDate('2024-02-29', 'nl')).to.equal('29 februari 2024');
  });

  it('shows timestamps in Amsterdam time', () => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (CEST, UTC+2).
    expect(formatDate('2024-03-31T23:30:00Z', 'nl')).to.equal('1 april 2024');
    // 23:30 UTC on 31 December is 1 January in Amsterdam (CET, UTC+1).
    expect(formatDate('2024-12-31T23:30:00.000Z', 'en')).to.equal('1 January 2025');
  });

  it('returns the input unchanged when it is not a valid date', () => {
    expect(formatDate('not a date', 'nl')).to.equal('not a date');
    expect(formatDate('2023-02-30', 'nl')).to.equal('2023-02-30');
    expect(parseIsoDate('2023-13-01')).to.equal(null);
  });
});

describe('formatBytes', () => {
  it('uses 1024-based units and the reader’s number format', async () => {
    const { formatBytes } = await import('./format.js');
    expect(formatBytes(512, 'nl')).to.equal('512 B');
    expect(formatBytes(1536 * 1024, 'nl')).to.equal('1,5 MB');
    expect(formatBytes(1536 * 1024, 'en')).to.equal('1.5 MB');
    expect(formatBytes(10 * 1024 * 1024, 'nl')).to.equal('10 MB');
  });
});
