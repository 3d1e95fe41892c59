import type { ReactNode } from 'react';
import { formatDate } from '../lib/format';
import { m } from '../messages';

/** Nothing to show in a table's cell: "None", quietly. */
export function None() {
  return <span className="muted">{m.common.none}</span>;
}

/** A day, as a `<time>` in words; `missing` (by default "None") when there is none. */
export function Day({ value, missing = <None /> }: { value: string | null | undefined; missing?: ReactNode }) {
  return value ? <time dateTime={value}>{formatDate(value)}</time> : missing;
}
