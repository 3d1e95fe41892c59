import { describe, expect, it } from 'vitest';
import { currentMonth, isMonth, laterMonth } from './month';

describe('months', () => {
  it('takes only YYYY-MM with a real month', () => {
    expect(isMonth('2026-11')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '', null, undefined]) expect(isMonth(bad)).toBe(false);
  });

  it('is the local month, and the later of two', () => {
    expect(currentMonth(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(currentMonth(new Date(2026, 11, 1))).toBe('2026-12');
    expect(laterMonth('2026-12', '2027-01')).toBe('2027-01');
    expect(laterMonth('2026-12', '2026-11')).toBe('2026-12');
    expect(laterMonth('2026-12', null)).toBe('2026-12');
  });
});
