import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import type { Module } from '../../customers';
import styles from './Home.module.css';

/** Quick ways into the common tasks, each only when its module is on. */
export function Shortcuts({ modules }: { modules: readonly Module[] }) {
  const items = [
    { module: 'tickets' as const, to: paths.newTicket, label: m.home.newTicket },
    { module: 'documents' as const, to: paths.uploadDocument, label: m.home.uploadDocument },
    { module: 'data_sheets' as const, to: paths.datasheets, label: m.home.dataSheets },
  ].filter((i) => modules.includes(i.module));
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
