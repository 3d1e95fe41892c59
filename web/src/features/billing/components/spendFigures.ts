import { formatMonth } from '../../../lib/format';
import { formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import type { SpendPanel } from '../api';

export interface SpendMonth {
  month: string;
  label: string;
  /** Minor units per currency, every currency of the panel present. */
  amounts: Record<string, number>;
}

export interface SpendFigures {
  /** The currencies invoiced in, by code. */
  currencies: string[];
  months: SpendMonth[];
  totals: Record<string, number>;
}

/** The spend panel as a chart and a table draw it: every month with every currency, and the totals. */
export function spendFigures(panel: SpendPanel): SpendFigures {
  const currencies = [...new Set(panel.months.flatMap((mo) => Object.keys(mo.amounts)))].sort();
  const totals: Record<string, number> = Object.fromEntries(currencies.map((c) => [c, 0]));
  const months = panel.months.map((mo) => {
    const amounts: Record<string, number> = {};
    for (const c of currencies) {
      const v = mo.amounts[c] ?? 0;
      amounts[c] = v;
      totals[c] = (totals[c] ?? 0) + v;
    }
    return { month: mo.month, label: formatMonth(mo.month), amounts };
  });
  return { currencies, months, totals };
}

/** The chart in one sentence, for its accessible name. */
export function spendSummary(f: SpendFigures): string {
  const first = f.months[0];
  const last = f.months[f.months.length - 1];
  if (!first || !last) return m.billing.spend.empty;
  const total = f.currencies.map((c) => formatMoney(f.totals[c] ?? 0, c)).join(' + ') || formatMoney(0, 'GBP');
  return m.billing.spend.summary(first.label, last.label, total);
}
