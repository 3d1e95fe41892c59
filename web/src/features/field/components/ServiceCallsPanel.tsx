import { lazy, useId, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { ChartAndTable } from '../../../components/ChartAndTable';
import { Table } from '../../../components/DataTable';
import { PanelCard } from '../../../components/PanelCard';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useServiceCallsSummary, type ServiceCallsPanel as Panel } from '../api';
import { STAGE_COLOUR, STAGES, stageLabel } from '../field';
import { callFigures, callSummary, type CallFigures } from './fieldFigures';
import styles from './Panels.module.css';

// The chart (and chart.js with it) loads only when the panel is shown; its table needs no library.
const MonthBarsChart = lazy(() => import('../../../components/MonthBarsChart'));

/** Each month's calls by stage; every figure above zero links to the calls behind it. */
export function ServiceCallsTable({ figures, captionId }: { figures: CallFigures; captionId: string }) {
  const t = m.field;
  return (
    <Table
      caption={t.callsPanel.caption}
      captionId={captionId}
      className={styles.table}
      columns={[
        t.callsPanel.monthLogged,
        ...STAGES.map((s) => ({ label: stageLabel(s), className: styles.number })),
        { label: t.total, className: styles.number },
      ]}
    >
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
    </Table>
  );
}

/** The last 12 months of service calls as stacked bars by stage, and a table with the same figures. */
export function ServiceCallsPanelView({ panel }: { panel: Panel }) {
  const t = m.field;
  const figures = useMemo(() => callFigures(panel), [panel]);
  const captionId = useId();
  const navigate = useNavigate();
  return (
    <ChartAndTable
      layout="under"
      loading={t.chartLoading}
      chart={
        <MonthBarsChart
          countAxis={m.field.countAxis}
          stacked
          labels={figures.months.map((r) => r.label)}
          series={STAGES.map((s) => ({ label: stageLabel(s), colour: STAGE_COLOUR[s], data: figures.months.map((r) => r.counts[s]) }))}
          summary={callSummary(figures)}
          onSelect={(i, series) => {
            const month = figures.months[i];
            const stage = STAGES[series];
            if (month && stage && month.counts[stage] > 0) void navigate(paths.serviceCallsIn(month.month, stage));
          }}
        />
      }
      labelledBy={captionId}
      table={<ServiceCallsTable figures={figures} captionId={captionId} />}
    />
  );
}

/** The service calls panel with its own loading and error states (module `service_calls`). */
export function ServiceCallsPanel() {
  const t = m.field.callsPanel;
  const summary = useServiceCallsSummary();
  return (
    <PanelCard title={t.title} intro={t.intro} query={summary} className={styles.section}>
      {(data) => <ServiceCallsPanelView panel={data} />}
    </PanelCard>
  );
}
