import { formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import type { ReportAmount } from '../api';

/** The money behind a figure, one amount per currency (from minor units), or a dash when there is none. */
export function FigureAmounts({ amounts }: { amounts: ReportAmount[] }) {
  if (amounts.length === 0) return <span aria-hidden="true">{m.reports.sections.noAmount}</span>;
  return <>{amounts.map((a) => formatMoney(a.minor, a.currency)).join(', ')}</>;
}
