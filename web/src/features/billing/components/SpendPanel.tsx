import { lazy, Suspense, useId, useMemo } from 'react';
import { Loading } from '../../../components/Loading';
import { QueryState } from '../../../components/QueryState';
import { m } from '../../../messages';
import { useSpend, type SpendPanel as Panel } from '../api';
import { formatMoney } from '../money';
import styles from './Panels.module.css';
import { spendFigures, type SpendFigures } from './spendFigures';

// The chart (and chart.js with it) loads only when the panel is shown; its table needs no library.
const SpendChart = lazy(() => import('./SpendChart'));

function SpendTable({ figures, captionId }: { figures: SpendFigures; captionId: string }) {
  const t = m.billing.spend;
  return (
    <table>
      <caption id={captionId}>{t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.month}</th>
          {figures.currencies.map((c) => (
            <th key={c} scope="col" className={styles.money}>
              {t.axis(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
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
      </tbody>
    </table>
  );
}

/** What was invoiced per month over the last 12: a bar chart and a table with the same figures. */
export function SpendPanelView({ panel }: { panel: Panel }) {
  const t = m.billing.spend;
  const figures = useMemo(() => spendFigures(panel), [panel]);
  const captionId = useId();
  if (figures.currencies.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <div className={styles.pair}>
      <div className={styles.chart}>
        <Suspense fallback={<Loading label={t.chartLoading} />}>
          <SpendChart figures={figures} />
        </Suspense>
      </div>
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <SpendTable figures={figures} captionId={captionId} />
      </div>
    </div>
  );
}

/** The spend panel with its own loading and error states (module `spend`). */
export function SpendPanel() {
  const t = m.billing.spend;
  const headingId = useId();
  const spend = useSpend();
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <QueryState query={spend}>{(data) => <SpendPanelView panel={data} />}</QueryState>
    </section>
  );
}
