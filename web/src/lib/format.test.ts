import { formatBytes, formatDate, formatMonth, formatPercent } from './format';

describe('formatting for the browser locale', () => {
  it('says a fraction as a whole percentage', () => {
    expect(formatPercent(0.42)).toMatch(/^42\s?%$/);
    expect(formatPercent(1)).toMatch(/^100\s?%$/);
  });

  it('says bytes in words below a kilobyte and in short units above', () => {
    expect(formatBytes(37)).toMatch(/^37 bytes$/);
    expect(formatBytes(1536)).toMatch(/^1\.5 kB$/i);
    expect(formatBytes(5 * 1024 * 1024)).toMatch(/^5 MB$/);
  });

  it('reads a plain date as that calendar day, whatever the time zone', () => {
    expect(formatDate('2026-03-01')).toContain('2026');
    expect(formatDate('2026-03-01')).toMatch(/1/);
    expect(formatDate('2026-03-01')).not.toMatch(/Feb/);
  });

  it('names a YYYY-MM month with its year', () => {
    expect(formatMonth('2026-11')).toMatch(/Nov.*2026/);
  });
});
