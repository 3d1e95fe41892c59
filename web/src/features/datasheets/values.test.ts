import { describe, expect, it } from 'vitest';
import { FIELDS } from './testing';
import { displayValue, toForm, toValues, valueErrors } from './values';
import { ApiProblem } from '../../lib/problem';

describe('sheet values', () => {
  it('round-trips typed values through the form, leaving blanks out', () => {
    const values = { site: 'HQ', floors: 3, lift: false, risk: 'Low', kit: ['Drill'], visit: '2026-11-24' };
    const form = toForm(FIELDS, values);
    expect(form).toMatchObject({ site: 'HQ', floors: '3', lift: 'no', risk: 'Low', kit: ['Drill'], notes: '' });
    expect(toValues(FIELDS, form)).toEqual(values);
    expect(toValues(FIELDS, { ...form, site: '  ', kit: [], lift: '' })).toEqual({ floors: 3, risk: 'Low', visit: '2026-11-24' });
  });

  it('sends a number that is not one as typed, so the API names the problem', () => {
    expect(toValues(FIELDS, { floors: '1e999' })).toEqual({ floors: '1e999' });
  });

  it('reads the API’s values.<key> errors by field key', () => {
    const e = new ApiProblem(422, { errors: [{ field: 'values.site', message: 'Site is required' }, { field: 'values', message: 'at most 100' }] }, null);
    expect(valueErrors(e)).toEqual({ site: 'Site is required', values: 'at most 100' });
  });

  it('displays values in words', () => {
    const lift = FIELDS.find((f) => f.key === 'lift');
    const kit = FIELDS.find((f) => f.key === 'kit');
    if (!lift || !kit) throw new Error('fields');
    expect(displayValue(lift, 'yes')).toBe('Yes');
    expect(displayValue(kit, ['Ladder', 'Drill'])).toBe('Ladder, Drill');
  });
});
