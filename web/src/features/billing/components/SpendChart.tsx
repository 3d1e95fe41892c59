// The spend panel's chart. chart.js travels only in this lazily loaded code, with just the parts used.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { baseChartOptions } from '../../../lib/chartOptions';
import { formatMoney, toMajor } from '../../../lib/money';
import { m } from '../../../messages';
import { spendSummary, type SpendFigures } from './spendFigures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Blue, then amber and teal for further currencies: each at least 3:1 against the white card. */
const COLOURS = ['#1d4e89', '#b45309', '#0f766e', '#6d28d9'];

function options(f: SpendFigures): ChartOptions<'bar'> {
  const single = f.currencies.length === 1 ? f.currencies[0] : undefined;
  return {
    ...baseChartOptions(),
    plugins: {
      legend: { display: f.currencies.length > 1, position: 'bottom' },
      tooltip: {
        callbacks: {
          // Back to minor units for the one formatter every figure uses.
          label: (item) => {
            const currency = f.currencies[item.datasetIndex] ?? 'GBP';
            const minor = f.months[item.dataIndex]?.amounts[currency] ?? 0;
            return `${currency}: ${formatMoney(minor, currency)}`;
          },
        },
      },
    },
    scales: {
      y: {
        beginAtZero: true,
        title: { display: true, text: m.billing.spend.axis(single ?? f.currencies.join(', ')) },
      },
    },
  };
}

/** Invoiced per month, a bar per currency (named in the legend when more than one, and in the table). */
export default function SpendChart({ figures }: { figures: SpendFigures }) {
  const label = spendSummary(figures);
  return (
    <Bar
      role="img"
      aria-label={label}
      fallbackContent={label}
      options={options(figures)}
      data={{
        labels: figures.months.map((r) => r.label),
        datasets: figures.currencies.map((c, i) => ({
          label: c,
          data: figures.months.map((r) => toMajor(r.amounts[c] ?? 0, c)),
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: '#ffffff',
          borderWidth: 1,
        })),
      }}
    />
  );
}
