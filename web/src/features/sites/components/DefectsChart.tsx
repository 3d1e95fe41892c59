// The defects panel's chart. chart.js travels only in this lazily loaded code.
import MonthBarsChart from '../../../components/MonthBarsChart';
import { m } from '../../../messages';
import { SEVERITY_COLOUR } from '../severity';
import { monthsSummary, type MonthFigures } from './defectFigures';

/** Blue and amber: told apart with any colour vision, each at least 3:1 against the white card. */
const RESOLVED = SEVERITY_COLOUR.recommendation;
const OPEN = SEVERITY_COLOUR.non_critical;

/** Defects raised each month, stacked: resolved by now, and still open (named in the legend and the table). */
export default function DefectsChart({ months }: { months: MonthFigures[] }) {
  const t = m.sites.panel;
  return (
    <MonthBarsChart
      labels={months.map((r) => r.label)}
      series={[
        { label: t.resolved, data: months.map((r) => r.resolved), colour: RESOLVED },
        { label: t.stillOpen, data: months.map((r) => r.open), colour: OPEN },
      ]}
      summary={monthsSummary(months)}
      countAxis={t.countAxis}
      stacked
    />
  );
}
