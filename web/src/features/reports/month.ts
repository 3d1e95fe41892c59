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
