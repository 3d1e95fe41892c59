import { describe, expect, it } from 'vitest';
import { currentMonth, isMonth, laterMonth, routineRange, shiftMonth } from './month';

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

  it('moves months across years', () => {
    expect(shiftMonth('2026-11', -11)).toBe('2025-12');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('takes the routine range from the address, else the API’s defaults', () => {
    const now = new Date(2026, 11, 2);
    expect(routineRange(null, null, now)).toEqual({ from: '2026-01', to: '2026-12' });
    expect(routineRange(null, '2026-06', now)).toEqual({ from: '2025-07', to: '2026-06' });
    expect(routineRange('2026-03', null, now)).toEqual({ from: '2026-03', to: '2026-12' });
    // A bad month is sent as it is, for the API to refuse at its input.
    expect(routineRange('2026-3', '2026-13', now)).toEqual({ from: '2026-3', to: '2026-13' });
  });
});
