// The dashboard's charts. chart.js travels only in this lazily loaded code, with just the parts used.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import type { ReactNode } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { baseChartOptions } from '../../../lib/chartOptions';
import { m } from '../../../messages';
import { summaries, type Count, type Figures } from './data';
import { CountTable, MonthTable, ResolutionTable } from './DataTables';
import styles from './Charts.module.css';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const BRAND = '#1d4e89';
const GREEN = '#146c2e';
const AMBER = '#b45309';

function barOptions(yTitle: string, legend: boolean): ChartOptions<'bar'> {
  return {
    ...baseChartOptions(),
    plugins: { legend: { display: legend, position: 'bottom' } },
    scales: { y: { beginAtZero: true, title: { display: true, text: yTitle }, ticks: { precision: 0 } } },
  };
}

function lineOptions(yTitle: string): ChartOptions<'line'> {
  return {
    ...baseChartOptions(),
    plugins: { legend: { display: false } },
    scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } } },
  };
}

/** A chart and the table with the same figures, side by side (stacked on narrow screens). */
function ChartCard({ id, title, chart, table }: { id: string; title: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section className={`card ${styles.card}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className={styles.pair}>
        <div className={styles.chart}>{chart}</div>
        <div className="table-wrap">{table}</div>
      </div>
    </section>
  );
}

function CountChart({ title, rows, colour }: { title: string; rows: Count[]; colour: string }) {
  const label = summaries.counts(title, rows);
  return (
    <Bar
      role="img"
      aria-label={label}
      fallbackContent={label}
      options={barOptions(m.tickets.dashboard.countAxis, false)}
      data={{ labels: rows.map((r) => r.label), datasets: [{ label: m.tickets.dashboard.count, data: rows.map((r) => r.count), backgroundColor: colour }] }}
    />
  );
}

export function DashboardCharts({ figures }: { figures: Figures }) {
  const d = m.tickets.dashboard;
  const monthsLabel = summaries.months(figures.months);
  const resolutionLabel = summaries.resolution(figures.resolution);
  return (
    <div className={styles.charts}>
      <ChartCard
        id="chart-status"
        title={d.byStatus}
        chart={<CountChart title={d.byStatus} rows={figures.byStatus} colour={BRAND} />}
        table={<CountTable caption={d.byStatus} heading={d.status} rows={figures.byStatus} />}
      />
      <ChartCard
        id="chart-priority"
        title={d.byPriority}
        chart={<CountChart title={d.byPriority} rows={figures.byPriority} colour={AMBER} />}
        table={<CountTable caption={d.byPriority} heading={d.priority} rows={figures.byPriority} />}
      />
      <ChartCard
        id="chart-months"
        title={d.perMonth}
        chart={
          <Bar
            role="img"
            aria-label={monthsLabel}
            fallbackContent={monthsLabel}
            options={barOptions(d.countAxis, true)}
            data={{
              labels: figures.months.map((r) => r.label),
              datasets: [
                { label: d.opened, data: figures.months.map((r) => r.opened), backgroundColor: BRAND },
                { label: d.closedCount, data: figures.months.map((r) => r.closed), backgroundColor: GREEN },
              ],
            }}
          />
        }
        table={<MonthTable rows={figures.months} />}
      />
      <ChartCard
        id="chart-resolution"
        title={d.resolution}
        chart={
          <Line
            role="img"
            aria-label={resolutionLabel}
            fallbackContent={resolutionLabel}
            options={lineOptions(d.hoursAxis)}
            data={{
              labels: figures.resolution.map((r) => r.label),
              datasets: [
                {
                  label: d.hours,
                  data: figures.resolution.map((r) => r.hours),
                  borderColor: BRAND,
                  backgroundColor: BRAND,
                  pointRadius: 5,
                  pointStyle: 'rectRot',
                  spanGaps: false,
                },
              ],
            }}
          />
        }
        table={<ResolutionTable rows={figures.resolution} />}
      />
    </div>
  );
}
