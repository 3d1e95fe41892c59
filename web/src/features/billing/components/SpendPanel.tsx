import { lazy, useId, useMemo } from 'react';
import { ChartAndTable } from '../../../components/ChartAndTable';
import { Table } from '../../../components/DataTable';
import { PanelCard } from '../../../components/PanelCard';
import { formatMoney } from '../../../lib/money';
import { m } from '../../../messages';
import { useSpend, type SpendPanel as Panel } from '../api';
import styles from './Panels.module.css';
import { spendFigures, type SpendFigures } from './spendFigures';

// The chart (and chart.js with it) loads only when the panel is shown; its table needs no library.
const SpendChart = lazy(() => import('./SpendChart'));

function SpendTable({ figures, captionId }: { figures: SpendFigures; captionId: string }) {
  const t = m.billing.spend;
  return (
    <Table
      caption={t.caption}
      captionId={captionId}
      columns={[t.month, ...figures.currencies.map((c) => ({ label: t.axis(c), className: styles.money }))]}
    >
      {figures.months.map((r) => (
        <tr key={r.month}>
          <th scope="row">{r.label}</th>
          {figures.currencies.map((c) => (
            <td key={c} className={styles.money}>
              {formatMoney(r.amounts[c] ?? 0, c)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

/** What was invoiced per month over the last 12: a bar chart and a table with the same figures. */
export function SpendPanelView({ panel }: { panel: Panel }) {
  const t = m.billing.spend;
  const figures = useMemo(() => spendFigures(panel), [panel]);
  const captionId = useId();
  if (figures.currencies.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <ChartAndTable
      layout="beside"
      loading={t.chartLoading}
      chart={<SpendChart figures={figures} />}
      labelledBy={captionId}
      table={<SpendTable figures={figures} captionId={captionId} />}
    />
  );
}

/** The spend panel with its own loading and error states (module `spend`). */
export function SpendPanel() {
  const t = m.billing.spend;
  const spend = useSpend();
  return (
    <PanelCard title={t.title} intro={t.intro} query={spend} className={styles.section}>
      {(data) => <SpendPanelView panel={data} />}
    </PanelCard>
  );
}
