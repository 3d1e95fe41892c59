import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useGroup, useSwitchView, useViewedCustomer, viewState, type ViewState } from '../api';
import styles from './ViewSwitcher.module.css';

/**
 * The shell's switcher between the portals of the contact's client group: shown only when they have one.
 * A button opens the list: the whole group, then each company (their own marked).
 */
export function ViewSwitcher() {
  const group = useGroup();
  const viewed = useViewedCustomer();
  const switchView = useSwitchView();
  const data = group.data;

  // A view the grant no longer covers (or a group taken away) falls back to one's own company.
  const stale =
    viewed !== null && group.isSuccess && !(data && data.customers.some((c) => c.id === viewed && !c.home));
  useEffect(() => {
    if (stale) switchView(null);
  }, [stale, switchView]);

  if (!data) return null;
  return <SwitcherMenu state={viewState(data, viewed)} onChoose={switchView} />;
}

interface MenuProps {
  state: ViewState;
  onChoose: (customer: string | null, to?: string) => void;
}

function SwitcherMenu({ state, onChoose }: MenuProps) {
  const t = m.groups.switcher;
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const onGroupPage = useLocation().pathname === paths.group;
  const currentName = onGroupPage ? state.group.name : (state.current?.name ?? state.group.name);

  // A click or focus anywhere outside closes the list.
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  const choose = (customer: string | null, to?: string) => {
    setOpen(false);
    onChoose(customer, to);
  };
  const viewedId = state.other ? (state.current?.id ?? null) : null;

  return (
    <div
      ref={rootRef}
      className={styles.switcher}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`btn btn-quiet ${styles.toggle}`}
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t.label(currentName)}
        onClick={() => setOpen((o) => !o)}
      >
        {t.button(currentName)}
      </button>
      <ul id={listId} className={styles.list} hidden={!open} aria-label={t.menu}>
        <li>
          <button
            type="button"
            className={styles.item}
            aria-current={onGroupPage ? 'page' : undefined}
            onClick={() => choose(viewedId, paths.group)}
          >
            {t.wholeGroup(state.group.name)}
          </button>
        </li>
        {state.group.customers.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={styles.item}
              aria-current={!onGroupPage && c.id === state.current?.id ? 'true' : undefined}
              onClick={() => choose(c.home ? null : c.id)}
            >
              {c.home ? t.own(c.name) : c.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
