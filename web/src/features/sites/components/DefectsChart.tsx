// The defects panel's chart. chart.js travels only in this lazily loaded code, with just the parts used.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { m } from '../../../messages';
import { SEVERITY_COLOUR } from '../severity';
import { monthsSummary, type MonthFigures } from './defectFigures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Blue and amber: told apart with any colour vision, each at least 3:1 against the white card. */
const RESOLVED = SEVERITY_COLOUR.recommendation;
const OPEN = SEVERITY_COLOUR.non_critical;

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
      x: { stacked: true },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: m.sites.panel.countAxis }, ticks: { precision: 0 } },
    },
  };
}

/** Defects raised each month, stacked: resolved by now, and still open (named in the legend and the table). */
export default function DefectsChart({ months }: { months: MonthFigures[] }) {
  const t = m.sites.panel;
  const label = monthsSummary(months);
  return (
    <Bar
      role="img"
      aria-label={label}
      fallbackContent={label}
      options={options()}
      data={{
        labels: months.map((r) => r.label),
        datasets: [
          { label: t.resolved, data: months.map((r) => r.resolved), backgroundColor: RESOLVED, borderColor: '#ffffff', borderWidth: 1 },
          { label: t.stillOpen, data: months.map((r) => r.open), backgroundColor: OPEN, borderColor: '#ffffff', borderWidth: 1 },
        ],
      }}
    />
  );
}
