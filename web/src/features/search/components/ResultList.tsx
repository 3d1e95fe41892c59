import { Link } from 'react-router';
import { m } from '../../../messages';
import type { SearchResult } from '../api';
import { resultPath } from '../resultPath';
import { KindBadge } from './KindBadge';
import styles from './ResultList.module.css';

/** The results, best first: each its kind, its title linking to its page, and its second line. */
export function ResultList({ results }: { results: SearchResult[] }) {
  return (
    <ul className={styles.list} aria-label={m.search.results}>
      {results.map((r) => (
        <li key={`${r.kind}:${r.id}`} className={styles.item}>
          <KindBadge kind={r.kind} />
          <div className={styles.text}>
            <Link to={resultPath(r)} className={styles.title}>
              {r.title}
            </Link>
            {r.detail ? <p className={styles.detail}>{r.detail}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
