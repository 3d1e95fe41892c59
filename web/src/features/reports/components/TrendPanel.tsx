import { lazy, Suspense, useId, useMemo } from 'react';
import { Loading } from '../../../components/Loading';
import { formatMonth, formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { ReportTrend } from '../api';
import styles from './Reports.module.css';
import type { TrendBars } from './TrendChart';

// The chart (and chart.js with it) loads only when the report is shown; its table needs no library.
const TrendChart = lazy(() => import('./TrendChart'));

/** Blue, amber, teal, purple: each at least 3:1 against the white card, told apart by lightness too. */
const COLOURS = ['#1d4e89', '#b45309', '#0f766e', '#6d28d9'];

/** The same figures as the chart, a row per month: the chart's text alternative. */
function TrendTable({ trend, captionId }: { trend: ReportTrend; captionId: string }) {
  const t = m.reports.trend;
  const first = trend.months[0] ?? '';
  const last = trend.months[trend.months.length - 1] ?? '';
  return (
    <table>
      <caption id={captionId}>{t.caption(formatMonth(first), formatMonth(last))}</caption>
      <thead>
        <tr>
          <th scope="col">{t.month}</th>
          {trend.series.map((s) => (
            <th key={s.key} scope="col" className={styles.number}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
  );
}

/** The six months up to the report's: a bar chart and a table with the same figures. */
export function TrendPanel({ trend }: { trend: ReportTrend }) {
  const t = m.reports.trend;
  const headingId = useId();
  const captionId = useId();
  const labels = useMemo(() => trend.months.map(formatMonth), [trend.months]);
  const bars: TrendBars[] = useMemo(
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
        <div className={styles.pair}>
          <div className={styles.chart}>
            <Suspense fallback={<Loading label={t.loading} />}>
              <TrendChart labels={labels} series={bars} summary={summary} />
            </Suspense>
          </div>
          <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
            <TrendTable trend={trend} captionId={captionId} />
          </div>
        </div>
      )}
    </section>
  );
}
