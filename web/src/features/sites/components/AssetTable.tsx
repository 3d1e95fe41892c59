import { useId, type ReactNode } from 'react';
import { Button } from '../../../components/Button';
import { formatDate } from '../../../lib/format';
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

function day(value: string | null | undefined): ReactNode {
  return value ? <time dateTime={value}>{formatDate(value)}</time> : notSet;
}

/** A site's assets: type, identifier, location, service dates, worst open defect, and Edit where staff allow. */
export function AssetTable({ assets, page, editing, onEdit }: Props) {
  const t = m.sites.assets;
  const captionId = useId();
  if (assets.length === 0) return <p className="empty">{t.empty}</p>;
  const anyEditable = assets.some((a) => a.contact_editable.length > 0);
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption id={captionId} className="visually-hidden">
          {t.caption(page)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.type}</th>
            <th scope="col">{t.columns.identifier}</th>
            <th scope="col">{t.columns.location}</th>
            <th scope="col">{t.columns.lastService}</th>
            <th scope="col">{t.columns.nextService}</th>
            <th scope="col">{t.columns.worst}</th>
            {anyEditable ? (
              <th scope="col">
                <span className="visually-hidden">{t.columns.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {assets.map((a) => (
            <tr key={a.id} data-asset={a.identifier}>
              <td>{m.sites.assetType(a.asset_type)}</td>
              <th scope="row" className={styles.rowHead}>
                {a.identifier}
              </th>
              <td>{a.location ? a.location : notSet}</td>
              <td>{day(a.last_service)}</td>
              <td>{day(a.next_service)}</td>
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
        </tbody>
      </table>
    </div>
  );
}
