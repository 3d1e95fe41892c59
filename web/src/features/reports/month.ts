// Months as the report's address and the API take them: `YYYY-MM`.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month as the API takes it, `YYYY-MM`. */
export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** The month it is where the contact is, `YYYY-MM` (the month picker goes no later). */
export function currentMonth(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The later of two months (the business's current month may be ahead of the contact's). */
export function laterMonth(a: string, b: string | null | undefined): string {
  return b && b > a ? b : a;
}

/** `YYYY-MM` moved by `by` months. */
export function shiftMonth(month: string, by: number): string {
  const [y, mo] = month.split('-').map(Number);
  const index = (y ?? 1970) * 12 + (mo ?? 1) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The routine report's range from the address: each month as given (a bad one is the API's to refuse), else
 * the API's defaults: to the current month, from eleven months before `to`.
 */
export function routineRange(from: string | null, to: string | null, now: Date = new Date()): { from: string; to: string } {
  const last = to || currentMonth(now);
  return { from: from || shiftMonth(isMonth(last) ? last : currentMonth(now), -11), to: last };
}
