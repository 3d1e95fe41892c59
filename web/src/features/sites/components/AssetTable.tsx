import { Button } from '../../../components/Button';
import { DataTable } from '../../../components/DataTable';
import { Day } from '../../../components/Day';
import { m } from '../../../messages';
import type { AssetView } from '../api';
import { SeverityBadge } from './SeverityBadge';
import styles from './SiteTable.module.css';

interface Props {
  assets: AssetView[];
  page: number;
  /** The asset being edited, whose button says so. */
  editing: string | null;
  onEdit: (asset: AssetView, button: HTMLButtonElement) => void;
}

const notSet = <span className="muted">{m.sites.assets.notSet}</span>;

/** A site's assets: type, identifier, location, service dates, worst open defect, and Edit where staff allow. */
export function AssetTable({ assets, page, editing, onEdit }: Props) {
  const t = m.sites.assets;
  if (assets.length === 0) return <p className="empty">{t.empty}</p>;
  const anyEditable = assets.some((a) => a.contact_editable.length > 0);
  const c = t.columns;
  return (
    <DataTable
      caption={t.caption(page)}
      className={styles.table}
      columns={[
        c.type,
        c.identifier,
        c.location,
        c.lastService,
        c.nextService,
        c.worst,
        anyEditable && { label: <span className="visually-hidden">{c.actions}</span> },
      ]}
    >
      {assets.map((a) => (
        <tr key={a.id} data-asset={a.identifier}>
          <td>{m.sites.assetType(a.asset_type)}</td>
          <th scope="row" className={styles.rowHead}>
            {a.identifier}
          </th>
          <td>{a.location ? a.location : notSet}</td>
          <td>
            <Day value={a.last_service} missing={notSet} />
          </td>
          <td>
            <Day value={a.next_service} missing={notSet} />
          </td>
          <td>
            <SeverityBadge severity={a.worst_severity} />
          </td>
          {anyEditable ? (
            <td>
              {a.contact_editable.length > 0 ? (
                <Button
                  variant="secondary"
                  aria-label={t.editLabel(a.identifier)}
                  aria-expanded={editing === a.id}
                  onClick={(e) => onEdit(a, e.currentTarget)}
                >
                  {t.edit}
                </Button>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
