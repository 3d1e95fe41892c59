import { m } from '../../../messages';
import type { SearchKind } from '../api';
import styles from './KindBadge.module.css';

/** What a result is, in a word ("Property", "Quote"). */
export function KindBadge({ kind }: { kind: SearchKind }) {
  return <span className={styles.badge}>{m.search.kind[kind]}</span>;
}
