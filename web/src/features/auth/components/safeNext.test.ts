import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

describe('safeNext', () => {
  it('keeps a path of this app with its query and fragment', () => {
    expect(safeNext('/tickets?status=closed#top')).toBe('/tickets?status=closed#top');
    expect(safeNext('/documents')).toBe('/documents');
    // The monthly email's link, its id url-safe base64: back to it whole after signing in.
    expect(safeNext('/reports/mailed/q5Jx0V3kz8f6cR2bW1nLmA9tYp4sHdGe7uKo-i_wNvB')).toBe('/reports/mailed/q5Jx0V3kz8f6cR2bW1nLmA9tYp4sHdGe7uKo-i_wNvB');
  });

  it.each([
    ['//evil.example/steal'],
    ['https://evil.example/'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/%0a/evil'.replace('%0a', '\n')],
    ['evil.example'],
    ['/portal/me'],
    ['/admin/customers'],
    ['/sign-in?next=/x'],
    [''],
    [null],
  ])('refuses %j and goes home', (raw) => {
    expect(safeNext(raw)).toBe('/');
  });
});
