// Dates, numbers and sizes in the browser's own locale.

const locale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.language : undefined);

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? parseDate(value) : value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** `YYYY-MM` as a short month name with its year. */
export function formatMonth(month: string): string {
  const [y, mo] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric' }).format(new Date(y ?? 1970, (mo ?? 1) - 1, 1));
}

/** `YYYY-MM` as the month's full name with its year: `November 2026`. */
export function formatMonthLong(month: string): string {
  const [y, mo] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric' }).format(new Date(y ?? 1970, (mo ?? 1) - 1, 1));
}

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A fraction (0–1) as a whole percentage, with the locale's sign and spacing: `42%`, `42 %`. */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** "in 3 minutes" style, for retry times. */
export function formatFromNow(date: Date, now: Date = new Date()): string {
  const seconds = Math.max(1, Math.round((date.getTime() - now.getTime()) / 1000));
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  return seconds < 90 ? rtf.format(seconds, 'second') : rtf.format(Math.round(seconds / 60), 'minute');
}

/** A plain `YYYY-MM-DD` date is a calendar day, not UTC midnight. */
function parseDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
}
