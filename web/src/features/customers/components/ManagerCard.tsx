import { useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { components } from '../../../lib/api';
import { m } from '../../../messages';
import styles from './ManagerCard.module.css';
import { PhoneLink } from './PhoneLink';

export type Manager = components['schemas']['ManagerCard'];

/** The number to call: a sales rep's own mobile where on file, else the phone given (the business's main number). */
export function managerPhone(manager: Manager): string | null {
  if (manager.role === 'sales_rep') return manager.mobile || manager.phone || null;
  return manager.phone || null;
}


/**
 * An account manager: role and name; the phone and email show in a panel on hover, on keyboard focus, and
 * on a tap or click (for touch). The panel stays while the pointer or focus is on it, and Escape hides it.
 */
export function ManagerCard({ manager, describedBy }: { manager: Manager; describedBy?: string }) {
  const t = m.customers.company;
  const panelId = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus || pinned) && !dismissed;
  const phone = managerPhone(manager);

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // Focus moving into the panel keeps it open; leaving both closes it.
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
      setFocus(false);
      setPinned(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setDismissed(true);
      setPinned(false);
    }
  };

  return (
    <div className={styles.manager}>
      <span className={styles.role}>{t.role[manager.role] ?? manager.role}</span>
      <div
        className={styles.reveal}
        onMouseEnter={() => {
          setHover(true);
          setDismissed(false);
        }}
        onMouseLeave={() => setHover(false)}
        onFocus={() => {
          if (!focus) setDismissed(false);
          setFocus(true);
        }}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      >
        <button
          type="button"
          className={styles.name}
          aria-expanded={open}
          aria-controls={panelId}
          aria-describedby={describedBy}
          onClick={() => {
            setPinned(true);
            setDismissed(false);
          }}
        >
          {manager.name}
        </button>
        <div id={panelId} className={styles.panel} hidden={!open}>
          <dl>
            <dt>{t.managerPhone}</dt>
            <dd>
              <PhoneLink phone={phone} fallback={t.noPhone} />
            </dd>
            <dt>{t.managerEmail}</dt>
            <dd>
              <a href={`mailto:${manager.email}`}>{manager.email}</a>
            </dd>
          </dl>
        </div>
      </div>
    </div>
  );
}
