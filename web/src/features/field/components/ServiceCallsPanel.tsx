import { lazy, Suspense, useId, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../../../components/Loading';
import { QueryState } from '../../../components/QueryState';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useServiceCallsSummary, type ServiceCallsPanel as Panel } from '../api';
import { STAGE_COLOUR, STAGES, stageLabel } from '../field';
import { callFigures, callSummary, type CallFigures } from './fieldFigures';
import styles from './Panels.module.css';

// The chart (and chart.js with it) loads only when the panel is shown; its table needs no library.
const StackedMonthsChart = lazy(() => import('./StackedMonthsChart'));

/** Each month's calls by stage; every figure above zero links to the calls behind it. */
export function ServiceCallsTable({ figures, captionId }: { figures: CallFigures; captionId: string }) {
  const t = m.field;
  return (
    <table className={styles.table}>
      <caption id={captionId}>{t.callsPanel.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.callsPanel.monthLogged}</th>
          {STAGES.map((s) => (
            <th key={s} scope="col" className={styles.number}>
              {stageLabel(s)}
            </th>
          ))}
          <th scope="col" className={styles.number}>
            {t.total}
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.months.map((r) => (
          <tr key={r.month}>
            <th scope="row">{r.label}</th>
            {STAGES.map((s) => {
              const n = r.counts[s];
              return (
                <td key={s} className={n === 0 ? `${styles.number} ${styles.zero}` : styles.number}>
                  {n > 0 ? (
                    <Link to={paths.serviceCallsIn(r.month, s)} aria-label={t.callsPanel.cellLink(formatNumber(n), stageLabel(s), r.label)}>
                      {formatNumber(n)}
                    </Link>
                  ) : (
                    formatNumber(n)
                  )}
                </td>
              );
            })}
            <td className={styles.number}>
              {r.total > 0 ? (
                <Link to={paths.serviceCallsIn(r.month)} aria-label={t.callsPanel.monthLink(r.label)}>
                  {formatNumber(r.total)}
                </Link>
              ) : (
                formatNumber(r.total)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The last 12 months of service calls as stacked bars by stage, and a table with the same figures. */
export function ServiceCallsPanelView({ panel }: { panel: Panel }) {
  const t = m.field;
  const figures = useMemo(() => callFigures(panel), [panel]);
  const captionId = useId();
  const navigate = useNavigate();
  return (
    <div className={styles.pair}>
      <div className={styles.chart}>
        <Suspense fallback={<Loading label={t.chartLoading} />}>
          <StackedMonthsChart
            labels={figures.months.map((r) => r.label)}
            series={STAGES.map((s) => ({ label: stageLabel(s), colour: STAGE_COLOUR[s], data: figures.months.map((r) => r.counts[s]) }))}
            summary={callSummary(figures)}
            onSelect={(i, series) => {
              const month = figures.months[i];
              const stage = STAGES[series];
              if (month && stage && month.counts[stage] > 0) void navigate(paths.serviceCallsIn(month.month, stage));
            }}
          />
        </Suspense>
      </div>
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <ServiceCallsTable figures={figures} captionId={captionId} />
      </div>
    </div>
  );
}

/** The service calls panel with its own loading and error states (module `service_calls`). */
export function ServiceCallsPanel() {
  const t = m.field.callsPanel;
  const headingId = useId();
  const summary = useServiceCallsSummary();
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <QueryState query={summary}>{(data) => <ServiceCallsPanelView panel={data} />}</QueryState>
    </section>
  );
}
