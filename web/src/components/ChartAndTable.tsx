import { Suspense, type ReactNode } from 'react';
import { Loading } from './Loading';
import styles from './ChartAndTable.module.css';

interface Props {
  /** The chart, lazily loaded (chart.js with it): `loading` is said until it has come. */
  chart: ReactNode;
  loading: string;
  /** The same figures as a table, the chart's text alternative. */
  table: ReactNode;
  /** The id of what names the table (its caption, or a heading), naming its scrolling frame too. */
  labelledBy: string;
  /** The table under the chart (one with many columns), or beside it while they fit. */
  layout: 'under' | 'beside';
  /** A lower chart than the panels' usual one. */
  short?: boolean;
}

/** A chart and a table with the same figures, the table in a frame that scrolls sideways on a narrow screen. */
export function ChartAndTable({ chart, loading, table, labelledBy, layout, short = false }: Props) {
  return (
    <div className={styles[layout]}>
      <div className={short ? `${styles.chart} ${styles.short}` : styles.chart}>
        <Suspense fallback={<Loading label={loading} />}>{chart}</Suspense>
      </div>
      {/* Focusable so that a keyboard can scroll it sideways on a narrow screen. */}
      <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
        {table}
      </div>
    </div>
  );
}
