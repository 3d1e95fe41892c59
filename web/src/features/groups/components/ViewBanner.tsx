import { m } from '../../../messages';
import { useGroup, useSwitchView, useViewedCustomer, viewState } from '../api';
import styles from './ViewBanner.module.css';

/** While another customer's portal is in view: which one, what may be done there, and the way back. */
export function ViewBanner() {
  const group = useGroup();
  const viewed = useViewedCustomer();
  const switchView = useSwitchView();
  if (!group.data || viewed === null) return null;
  const state = viewState(group.data, viewed);
  if (!state.other || !state.current) return null;
  const t = m.groups.banner;
  return (
    <section className={styles.banner} aria-label={t.label}>
      <div className={styles.text}>
        <p className={styles.viewing}>{t.viewing(state.current.name, state.group.name)}</p>
        <p>{t.readOnly}</p>
      </div>
      {state.home ? (
        <button type="button" className="btn btn-secondary" onClick={() => switchView(null)}>
          {t.back(state.home.name)}
        </button>
      ) : null}
    </section>
  );
}
