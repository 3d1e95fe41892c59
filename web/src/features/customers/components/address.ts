import type { components } from '../../../lib/api';

export type Address = components['schemas']['Address'];

/** An address's filled lines, in postal order (street lines, city with region and postcode, country). */
export function addressLines(a: Address | null | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.city, a.region, a.postcode].filter((x): x is string => !!x && x.trim() !== '').join(', ');
  return [a.line1, a.line2, cityLine, a.country].filter((x): x is string => !!x && x.trim() !== '');
}
