// Money as the API sends it: whole minor units (pence, cents) of an ISO 4217 currency. Shared by billing and reports.

const locale = (): string | undefined => (typeof navigator !== 'undefined' ? navigator.language : undefined);

function currencyFormat(currency: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency, ...options });
  } catch {
    // A code the browser does not know: shown as a number with the code beside it (below).
    return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'XXX', ...options });
  }
}

/** How many minor units make one major unit: 100 for GBP, 1 for JPY, 1000 for KWD. */
export function minorDigits(currency: string): number {
  return currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units as major units: 12_345 pence is 123.45. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** `12345, 'GBP'` → `£123.45`, in the browser's locale. */
export function formatMoney(minor: number, currency: string): string {
  const known = isKnownCurrency(currency);
  const text = currencyFormat(currency).format(toMajor(minor, currency));
  return known ? text : `${text.replace(/XXX|¤/g, '').trim()} ${currency}`;
}

function isKnownCurrency(currency: string): boolean {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return /^[A-Z]{3}$/.test(currency);
  } catch {
    return false;
  }
}

/** A tax rate in basis points (2000) as a percentage (20%). */
export function formatRate(basisPoints: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** Amounts per currency, each formatted, in a stable order (by currency code). */
export function eachCurrency<T>(byCurrency: Record<string, T> | undefined): [string, T][] {
  return Object.entries(byCurrency ?? {}).sort(([a], [b]) => a.localeCompare(b));
}
