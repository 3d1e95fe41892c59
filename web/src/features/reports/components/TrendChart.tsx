// The report's six-month chart. chart.js travels only in this lazily loaded code, with just the parts used.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { m } from '../../../messages';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface TrendBars {
  label: string;
  colour: string;
  data: number[];
}

interface Props {
  /** The months along the bottom, formatted. */
  labels: string[];
  /** One set of bars per series, named in the legend and the table. */
  series: TrendBars[];
  /** The whole chart in one sentence, for its `aria-label`. */
  summary: string;
}

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const locale = () => (typeof navigator !== 'undefined' ? navigator.language : undefined);

function options(): ChartOptions<'bar'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    locale: locale(),
    animation: reducedMotion() ? false : undefined,
    plugins: { legend: { display: true, position: 'bottom' } },
    scales: {
      y: { beginAtZero: true, title: { display: true, text: m.reports.trend.countAxis }, ticks: { precision: 0 } },
    },
  };
}

/** Grouped bars, one group per month. */
export default function TrendChart({ labels, series, summary }: Props) {
  return (
    <Bar
      role="img"
      aria-label={summary}
      fallbackContent={summary}
      options={options()}
      data={{
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.colour, borderColor: '#ffffff', borderWidth: 1 })),
      }}
    />
  );
}
