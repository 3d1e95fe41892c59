// The defects panel's tables: the same figures as its chart, for anyone who does not see the chart.
import { Table } from '../../../components/DataTable';
import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import { LEVELS, severityLabel } from '../severity';
import type { AssetTypeFigures, MonthFigures } from './defectFigures';

export function MonthTable({ rows }: { rows: MonthFigures[] }) {
  const t = m.sites.panel;
  return (
    <Table caption={t.perMonth} columns={[t.month, t.raised, t.resolved, t.stillOpen]}>
      {rows.map((r) => (
        <tr key={r.month}>
          <th scope="row">{r.label}</th>
          <td>{formatNumber(r.raised)}</td>
          <td>{formatNumber(r.resolved)}</td>
          <td>{formatNumber(r.open)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Each asset type with how many of its assets have each worst open defect (or none open). */
export function AssetTypeTable({ rows }: { rows: AssetTypeFigures[] }) {
  const t = m.sites.panel;
  if (rows.length === 0) return <p className="empty">{t.noAssets}</p>;
  return (
    <Table caption={t.assetsByType} columns={[t.assetType, ...LEVELS.map((l) => severityLabel(l)), t.assets]}>
      {rows.map((r) => (
        <tr key={r.type}>
          <th scope="row">{r.label}</th>
          {LEVELS.map((l) => (
            <td key={l}>{formatNumber(r.byWorst[l])}</td>
          ))}
          <td>{formatNumber(r.total)}</td>
        </tr>
      ))}
    </Table>
  );
}
