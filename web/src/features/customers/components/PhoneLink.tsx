import type { ReactNode } from 'react';
import { m } from '../../../messages';

/** `tel:` wants digits and a leading plus only. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** A phone number that dials when tapped, or `fallback` when none is on file. */
export function PhoneLink({ phone, fallback = m.common.none }: { phone: string | null | undefined; fallback?: ReactNode }) {
  return phone ? <a href={telHref(phone)}>{phone}</a> : <>{fallback}</>;
}
