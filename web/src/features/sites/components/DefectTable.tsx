import { DataTable } from '../../../components/DataTable';
import { Day } from '../../../components/Day';
import { m } from '../../../messages';
import type { DefectStatus, DefectView } from '../api';
import { SeverityBadge } from './SeverityBadge';
import styles from './DefectTable.module.css';

interface Props {
  defects: DefectView[];
  status: DefectStatus;
  page: number;
}

/** A site's published defects, newest first: severity in words and colour, description, raised and resolved. */
export function DefectTable({ defects, status, page }: Props) {
  const t = m.sites.defects;
  if (defects.length === 0) return <p className="empty">{status === 'open' ? t.emptyOpen : t.emptyResolved}</p>;
  return (
    <DataTable
      caption={t.caption(status, page)}
      className={styles.table}
      columns={[t.columns.severity, t.columns.description, t.columns.raised, t.columns.resolved]}
    >
      {defects.map((d) => (
        <tr key={d.id}>
          <td>
            <SeverityBadge severity={d.severity} />
          </td>
          <td className={styles.description}>{d.description}</td>
          <td>
            <Day value={d.raised_at} />
          </td>
          <td>
            <Day value={d.resolved_at} missing={<span className="muted">{t.notResolved}</span>} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
