import { lazy, useId, useMemo } from 'react';
import { ChartAndTable } from '../../../components/ChartAndTable';
import { Table } from '../../../components/DataTable';
import { formatMonth, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { ReportTrend } from '../api';
import styles from './Reports.module.css';
import type { BarSeries } from '../../../components/MonthBarsChart';

// The chart (and chart.js with it) loads only when the report is shown; its table needs no library.
const MonthBarsChart = lazy(() => import('../../../components/MonthBarsChart'));

/** Blue, amber, teal, purple: each at least 3:1 against the white card, told apart by lightness too. */
const COLOURS = ['#1d4e89', '#b45309', '#0f766e', '#6d28d9'];

/** The same figures as the chart, a row per month: the chart's text alternative. */
function TrendTable({ trend, captionId }: { trend: ReportTrend; captionId: string }) {
  const t = m.reports.trend;
  const first = trend.months[0] ?? '';
  const last = trend.months[trend.months.length - 1] ?? '';
  return (
    <Table
      caption={t.caption(formatMonth(first), formatMonth(last))}
      captionId={captionId}
      columns={[t.month, ...trend.series.map((s) => ({ label: s.label, className: styles.number }))]}
    >
      {trend.months.map((month, i) => (
        <tr key={month}>
          <th scope="row">{formatMonth(month)}</th>
          {trend.series.map((s) => (
            <td key={s.key} className={styles.number}>
              {formatNumber(s.values[i] ?? 0)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

/** The six months up to the report's: a bar chart and a table with the same figures. */
export function TrendPanel({ trend }: { trend: ReportTrend }) {
  const t = m.reports.trend;
  const headingId = useId();
  const captionId = useId();
  const labels = useMemo(() => trend.months.map(formatMonth), [trend.months]);
  const bars: BarSeries[] = useMemo(
    () => trend.series.map((s, i) => ({ label: s.label, colour: COLOURS[i % COLOURS.length] ?? '#1d4e89', data: s.values })),
    [trend.series],
  );
  const totals = trend.series.map((s) => `${s.label} ${formatNumber(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  const summary = t.summary(labels[0] ?? '', labels[labels.length - 1] ?? '', totals);
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {trend.series.length === 0 || trend.months.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <ChartAndTable
          layout="under"
          short
          loading={t.loading}
          chart={<MonthBarsChart labels={labels} series={bars} summary={summary} countAxis={t.countAxis} />}
          labelledBy={captionId}
          table={<TrendTable trend={trend} captionId={captionId} />}
        />
      )}
    </section>
  );
}
