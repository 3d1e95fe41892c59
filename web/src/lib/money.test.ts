import { describe, expect, it } from 'vitest';
import { eachCurrency, formatMoney, formatRate, minorDigits, toMajor } from './money';

const inLocale = (major: number, currency: string) => new Intl.NumberFormat(navigator.language, { style: 'currency', currency }).format(major);

describe('money', () => {
  it('reads minor units by the currency’s own digits', () => {
    expect(minorDigits('GBP')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(toMajor(12_345, 'GBP')).toBe(123.45);
    expect(toMajor(12_345, 'JPY')).toBe(12_345);
    expect(toMajor(12_345, 'KWD')).toBe(12.345);
  });

  it('formats with the currency’s symbol in the browser’s locale', () => {
    expect(formatMoney(72_000, 'GBP')).toBe(inLocale(720, 'GBP'));
    expect(formatMoney(150_000, 'EUR')).toBe(inLocale(1500, 'EUR'));
    expect(formatMoney(500, 'JPY')).toBe(inLocale(500, 'JPY'));
    expect(formatMoney(0, 'GBP')).toBe(inLocale(0, 'GBP'));
    expect(formatMoney(-1_050, 'USD')).toBe(inLocale(-10.5, 'USD'));
  });

  it('still shows an amount in a code the browser does not know, with the code', () => {
    expect(formatMoney(1_000, 'zz')).toMatch(/10\.00 zz$/);
  });

  it('shows a tax rate in basis points as a percentage', () => {
    expect(formatRate(2_000)).toBe(new Intl.NumberFormat(navigator.language, { style: 'percent' }).format(0.2));
    expect(formatRate(550)).toBe(new Intl.NumberFormat(navigator.language, { style: 'percent', maximumFractionDigits: 2 }).format(0.055));
  });

  it('lists amounts by currency code', () => {
    expect(eachCurrency({ USD: 1, EUR: 2, GBP: 3 }).map(([c]) => c)).toEqual(['EUR', 'GBP', 'USD']);
    expect(eachCurrency(undefined)).toEqual([]);
  });
});
