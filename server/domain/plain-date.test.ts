import { expect } from 'chai';
import { addDays, addMonths, isPlainDate, todayIn } from './plain-date.js';

describe('plain dates', () => {
  it('validates real calendar dates only', () => {
    expect(isPlainDate('2024-02-29')).to.equal(true);
    expect(isPlainDate('2023-02-29')).to.equal(false);
    expect(isPlainDate('2024-13-01')).to.equal(false);
    expect(isPlainDate('2024-1-01')).to.equal(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).to.equal('2025-01-01');
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
  });

  it('clamps months to the last day of the target month', () => {
    expect(addMonths('2024-01-31', 1)).to.equal('2024-02-29');
    expect(addMonths('2024-05-31', -3)).to.equal('2024-02-29');
  });

  it('reads today in Amsterdam, not UTC', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in Amsterdam (CEST, UTC+2).
    expect(todayIn('Europe/Amsterdam', new Date('2026-03-31T23:30:00Z'))).to.equal('2026-04-01');
    expect(todayIn('UTC', new Date('2026-03-31T23:30:00Z'))).to.equal('2026-03-31');
  });

  it('turns the day at midnight to the millisecond, whatever it answered before', () => {
    expect(todayIn('Europe/Amsterdam', new Date('2026-03-31T21:59:59.999Z'))).to.equal('2026-03-31');
    expect(todayIn('Europe/Amsterdam', new Date('2026-03-31T22:00:00.000Z'))).to.equal('2026-04-01');
    expect(todayIn('Europe/Amsterdam', new Date('2026-03-31T21:59:59.999Z'))).to.equal('2026-03-31');
    expect(todayIn('UTC', new Date('2026-03-31T22:00:00.000Z'))).to.equal('2026-03-31');
  });
});
