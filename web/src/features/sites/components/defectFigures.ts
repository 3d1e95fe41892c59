// The defects panel's figures, shaped once for the chart and its tables.
import { formatMonth, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { DefectsPanel } from '../api';
import { LEVELS, SEVERITIES, type SeverityLevel } from '../severity';

export interface MonthFigures {
  month: string;
  label: string;
  raised: number;
  resolved: number;
  open: number;
}

export interface AssetTypeFigures {
  type: string;
  label: string;
  total: number;
  /** Assets by their worst open defect, every level (`none` included) present. */
  byWorst: Record<SeverityLevel, number>;
}

export interface PanelFigures {
  openBySeverity: Record<string, number>;
  openTotal: number;
  months: MonthFigures[];
  assetTypes: AssetTypeFigures[];
}

const count = (n: number | undefined) => Math.max(0, n ?? 0);

export function panelFigures(p: DefectsPanel): PanelFigures {
  return {
    openBySeverity: p.open_by_severity,
    openTotal: SEVERITIES.reduce((n, s) => n + count(p.open_by_severity[s]), 0),
    months: p.months.map((x) => ({
      month: x.month,
      label: formatMonth(x.month),
      raised: count(x.resolved) + count(x.open),
      resolved: count(x.resolved),
      open: count(x.open),
    })),
    assetTypes: p.assets_by_type
      .map((a) => ({
        type: a.asset_type,
        label: m.sites.assetType(a.asset_type),
        total: count(a.total),
        byWorst: Object.fromEntries(LEVELS.map((l) => [l, count(a.by_worst[l])])) as Record<SeverityLevel, number>,
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** What the chart shows, in one sentence for its `aria-label`. */
export function monthsSummary(months: MonthFigures[]): string {
  const total = (k: 'raised' | 'resolved' | 'open') => formatNumber(months.reduce((n, r) => n + r[k], 0));
  return m.sites.panel.summary(months[0]?.label ?? '', months.at(-1)?.label ?? '', total('raised'), total('resolved'), total('open'));
}
