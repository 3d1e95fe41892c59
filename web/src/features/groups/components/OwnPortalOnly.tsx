import { m } from '../../../messages';
import { useGroup, useViewedCustomer } from '../api';
import styles from './OwnPortalOnly.module.css';

/** In place of a form refused in another customer's portal: says why it is not offered here. */
export function OwnPortalOnly() {
  const group = useGroup();
  const viewed = useViewedCustomer();
  const name = group.data?.customers.find((c) => c.id === viewed)?.name;
  if (!viewed) return null;
  return <p className={styles.note}>{m.groups.readOnlyNote(name ?? m.groups.page.title)}</p>;
}
