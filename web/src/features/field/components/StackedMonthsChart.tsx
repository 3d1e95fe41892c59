// The field panels' chart: months as stacked bars. chart.js travels only in this lazily loaded code, with
// just the parts used.
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
import { m } from '../../../messages';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  label: string;
  colour: string;
  data: number[];
}

interface Props {
  /** The months along the bottom, formatted. */
  labels: string[];
  /** One series per part of a bar, bottom first (named in the legend and the table). */
  series: Series[];
  /** The whole chart in one sentence, for its `aria-label`. */
  summary: string;
  /** A bar (or a part of one) was clicked: the month's index and the series'. The table's links do the same by keyboard. */
  onSelect?: (month: number, series: number) => void;
}

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const locale = () => (typeof navigator !== 'undefined' ? navigator.language : undefined);

function options(onSelect: Props['onSelect']): ChartOptions<'bar'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    locale: locale(),
    animation: reducedMotion() ? false : undefined,
    plugins: { legend: { display: true, position: 'bottom' } },
    scales: {
      x: { stacked: true },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: m.field.countAxis }, ticks: { precision: 0 } },
    },
    onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
      const hit = elements[0];
      if (hit && onSelect) onSelect(hit.index, hit.datasetIndex);
    },
    onHover: (event: ChartEvent, elements: ActiveElement[]) => {
      const canvas = event.native?.target;
      if (onSelect && canvas instanceof HTMLElement) canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
  };
}

export default function StackedMonthsChart({ labels, series, summary, onSelect }: Props) {
  return (
    <Bar
      role="img"
      aria-label={summary}
      fallbackContent={summary}
      options={options(onSelect)}
      data={{
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.colour, borderColor: '#ffffff', borderWidth: 1 })),
      }}
    />
  );
}
