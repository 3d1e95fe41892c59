import { lazy, useId, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/Button';
import { ChartAndTable } from '../../../components/ChartAndTable';
import { Table } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { formatNumber } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useRoutineSummary, type RoutinePanel as Panel } from '../api';
import { FIRST_YEAR, LAST_YEAR, OUTCOME_COLOUR, OUTCOMES, outcomeLabel } from '../field';
import { routineFigures, routineSummary, type RoutineFigures } from './fieldFigures';
import styles from './Panels.module.css';

// The chart (and chart.js with it) loads only when the panel is shown; its table needs no library.
const MonthBarsChart = lazy(() => import('../../../components/MonthBarsChart'));

/** Each month of the year with its routine work by outcome; a month with work links to its list. */
export function RoutineTable({ figures, captionId }: { figures: RoutineFigures; captionId: string }) {
  const t = m.field.routinePanel;
  return (
    <Table
      caption={t.caption(figures.year)}
      captionId={captionId}
      className={styles.table}
      columns={[
        t.monthDue,
        ...OUTCOMES.map((o) => ({ label: outcomeLabel(o), className: styles.number })),
        { label: t.due, className: styles.number },
      ]}
    >
      {figures.months.map((r) => (
        <tr key={r.month}>
          <th scope="row">
            {r.total > 0 ? (
              <Link to={paths.routineIn(r.month)} aria-label={t.monthLink(r.label, formatNumber(r.total))}>
                {r.label}
              </Link>
            ) : (
              r.label
            )}
          </th>
          {OUTCOMES.map((o) => (
            <td key={o} className={r.counts[o] === 0 ? `${styles.number} ${styles.zero}` : styles.number}>
              {formatNumber(r.counts[o])}
            </td>
          ))}
          <td className={styles.number}>{formatNumber(r.total)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** A year of routine work as stacked bars by outcome, and a table with the same figures. */
export function RoutinePanelView({ panel }: { panel: Panel }) {
  const t = m.field;
  const figures = useMemo(() => routineFigures(panel), [panel]);
  const captionId = useId();
  const navigate = useNavigate();
  if (figures.total === 0) return <p className="empty">{t.routinePanel.empty(figures.year)}</p>;
  return (
    <ChartAndTable
      layout="under"
      loading={t.chartLoading}
      chart={
        <MonthBarsChart
          countAxis={m.field.countAxis}
          stacked
          labels={figures.months.map((r) => r.label)}
          series={OUTCOMES.map((o) => ({ label: outcomeLabel(o), colour: OUTCOME_COLOUR[o], data: figures.months.map((r) => r.counts[o]) }))}
          summary={routineSummary(figures)}
          onSelect={(i) => {
            const month = figures.months[i];
            if (month && month.total > 0) void navigate(paths.routineIn(month.month));
          }}
        />
      }
      labelledBy={captionId}
      table={<RoutineTable figures={figures} captionId={captionId} />}
    />
  );
}

const PARAM = 'routine_year';

/** The year shown, kept in the address (`?routine_year=2025`) so that coming back shows it again. */
function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const raw = Number(params.get(PARAM));
  const year = Number.isInteger(raw) && raw >= FIRST_YEAR && raw <= LAST_YEAR ? raw : thisYear;
  const set = (next: number) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next === thisYear) out.delete(PARAM);
        else out.set(PARAM, String(next));
        return out;
      },
      { replace: true, preventScrollReset: true },
    );
  return [year, set];
}

/** Previous and next year, with the year shown announced as it changes. */
function YearSwitch({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const t = m.field.routinePanel;
  const canGoBack = year > FIRST_YEAR;
  const canGoOn = year < LAST_YEAR;
  return (
    <nav className={styles.years} aria-label={t.yearNav}>
      <Button variant="secondary" aria-disabled={!canGoBack || undefined} onClick={() => canGoBack && onChange(year - 1)}>
        {t.previousYear(year - 1)}
      </Button>
      <p className={styles.year} role="status">
        {t.showing(year)}
      </p>
      <Button variant="secondary" aria-disabled={!canGoOn || undefined} onClick={() => canGoOn && onChange(year + 1)}>
        {t.nextYear(year + 1)}
      </Button>
    </nav>
  );
}

/** The routine activities panel with its year switch and its own loading and error states (module `routine`). */
export function RoutinePanel() {
  const t = m.field.routinePanel;
  const headingId = useId();
  const [year, setYear] = useYearParam();
  const summary = useRoutineSummary(year);
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h2 id={headingId}>{t.title}</h2>
        <YearSwitch year={year} onChange={setYear} />
      </div>
      <p className="muted">{t.intro}</p>
      <QueryState query={summary}>
        {(data) => (
          <div aria-busy={summary.isPlaceholderData || undefined}>
            <RoutinePanelView panel={data} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
