import { m } from '../../../messages';
import { useMe } from '../../customers';
import { useViewingOther } from '../api';
import styles from './OwnPortalOnly.module.css';

/** In place of a form refused in another customer's portal: says why it is not offered here. */
export function OwnPortalOnly() {
  const viewingOther = useViewingOther();
  // /portal/me names the portal in view (the shell has read it already).
  const name = useMe().data?.viewing?.name;
  if (!viewingOther) return null;
  return <p className={styles.note}>{m.groups.readOnlyNote(name ?? m.groups.page.title)}</p>;
}
