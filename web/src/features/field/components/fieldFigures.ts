// The panels' figures, shaped once for their charts and tables.
import { formatMonth, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { JobStage, RoutineOutcome, RoutinePanel, ServiceCallsPanel } from '../api';
import { OUTCOMES, outcomeLabel, STAGES, stageLabel } from '../field';

export interface MonthFigures<K extends string> {
  month: string;
  label: string;
  counts: Record<K, number>;
  total: number;
}

export interface RoutineFigures {
  year: number;
  months: MonthFigures<RoutineOutcome>[];
  totals: Record<RoutineOutcome, number>;
  total: number;
}

export interface CallFigures {
  months: MonthFigures<JobStage>[];
  totals: Record<JobStage, number>;
  total: number;
}

const count = (n: number | undefined) => Math.max(0, n ?? 0);

function shape<K extends string>(keys: readonly K[], month: string, by: Record<string, number>): MonthFigures<K> {
  const counts = Object.fromEntries(keys.map((k) => [k, count(by[k])])) as Record<K, number>;
  return { month, label: formatMonth(month), counts, total: keys.reduce((n, k) => n + counts[k], 0) };
}

function totals<K extends string>(keys: readonly K[], months: MonthFigures<K>[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, months.reduce((n, r) => n + r.counts[k], 0)])) as Record<K, number>;
}

export function routineFigures(p: RoutinePanel): RoutineFigures {
  const months = p.months.map((x) => shape(OUTCOMES, x.month, x.by_outcome));
  const t = totals(OUTCOMES, months);
  return { year: p.year, months, totals: t, total: OUTCOMES.reduce((n, o) => n + t[o], 0) };
}

export function callFigures(p: ServiceCallsPanel): CallFigures {
  const months = p.months.map((x) => shape(STAGES, x.month, x.by_stage));
  const t = totals(STAGES, months);
  return { months, totals: t, total: STAGES.reduce((n, s) => n + t[s], 0) };
}

/** What the routine chart shows, in one sentence for its `aria-label`. */
export function routineSummary(f: RoutineFigures): string {
  const t = m.field;
  const parts = t.joinParts(OUTCOMES.map((o) => t.part(formatNumber(f.totals[o]), outcomeLabel(o))));
  return t.routinePanel.summary(f.year, formatNumber(f.total), parts);
}

/** What the service calls chart shows, in one sentence for its `aria-label`. */
export function callSummary(f: CallFigures): string {
  const t = m.field;
  const parts = t.joinParts(STAGES.map((s) => t.part(formatNumber(f.totals[s]), stageLabel(s))));
  return t.callsPanel.summary(f.months[0]?.label ?? '', f.months.at(-1)?.label ?? '', formatNumber(f.total), parts);
}
