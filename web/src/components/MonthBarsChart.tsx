// Counts by month as bars: the report's trend, the field panels' and the defects panel's charts. chart.js
// travels only in lazily loaded code (import this with `lazy`), with just the parts used.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ActiveElement,
  type ChartEvent,
  type ChartOptions,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { baseChartOptions } from '../lib/chartOptions';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  colour: string;
  data: number[];
}

export interface MonthBarsChartProps {
  /** The months along the bottom, formatted. */
  labels: string[];
  /** One series per bar of a month's group, or per part of a bar when stacked, bottom first (named in the legend and the table). */
  series: BarSeries[];
  /** The whole chart in one sentence, for its `aria-label`. */
  summary: string;
  /** The title of the count axis. */
  countAxis: string;
  /** One bar a month, the series stacked in it; else a group of bars a month. */
  stacked?: boolean;
  /** A bar (or a part of one) was clicked: the month's index and the series'. The table's links do the same by keyboard. */
  onSelect?: (month: number, series: number) => void;
}

function options({ countAxis, stacked, onSelect }: MonthBarsChartProps): ChartOptions<'bar'> {
  const y = { beginAtZero: true, title: { display: true, text: countAxis }, ticks: { precision: 0 } };
  return {
    ...baseChartOptions(),
    plugins: { legend: { display: true, position: 'bottom' } },
    scales: stacked ? { x: { stacked: true }, y: { stacked: true, ...y } } : { y },
    ...(onSelect
      ? {
          onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
            const hit = elements[0];
            if (hit) onSelect(hit.index, hit.datasetIndex);
          },
          onHover: (event: ChartEvent, elements: ActiveElement[]) => {
            const canvas = event.native?.target;
            if (canvas instanceof HTMLElement) canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default';
          },
        }
      : {}),
  };
}

export default function MonthBarsChart(props: MonthBarsChartProps) {
  const { labels, series, summary } = props;
  return (
    <Bar
      role="img"
      aria-label={summary}
      fallbackContent={summary}
      options={options(props)}
      data={{
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.colour, borderColor: '#ffffff', borderWidth: 1 })),
      }}
    />
  );
}
