import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { Module } from '../../customers';
import styles from './Home.module.css';

/**
 * Quick ways into the common tasks, each only when its module is on; `readOnly` (another company's portal
 * in view) leaves out raising a ticket and uploading, which are refused there.
 */
export function Shortcuts({ modules, readOnly = false }: { modules: readonly Module[]; readOnly?: boolean }) {
  const items = [
    { module: 'tickets' as const, to: paths.newTicket, label: m.home.newTicket, writes: true },
    { module: 'documents' as const, to: paths.uploadDocument, label: m.home.uploadDocument, writes: true },
    { module: 'data_sheets' as const, to: paths.datasheets, label: m.home.dataSheets, writes: false },
  ].filter((i) => modules.includes(i.module) && !(readOnly && i.writes));
  if (items.length === 0) return null;
  return (
    <nav aria-label={m.home.shortcuts} className={styles.shortcuts}>
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <Link className="btn btn-secondary" to={i.to}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
