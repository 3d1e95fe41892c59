import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { m } from '../../../messages';
import { useDismissedNews, useNews } from '../api';
import { AnnouncementList } from './AnnouncementList';
import { BellIcon, CloseIcon } from './icons';
import { ANNOUNCEMENTS_BUTTON_ID } from './ids';
import styles from './NewsAnnouncements.module.css';

/**
 * The announcements icon beside the logo: a disclosure listing every current item again, the dismissed ones
 * included (read when it opens). Escape or a click elsewhere closes it; Escape returns focus to the button.
 */
export function NewsAnnouncements() {
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const active = useNews();
  const dismissed = useDismissedNews(open);
  const wrapRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const headingId = useId();
  const count = active.data?.length ?? 0;

  // Close on a click or tap outside.
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // Keep the panel inside the window on narrow screens.
  useLayoutEffect(() => {
    if (!open) {
      setShift(0);
      return undefined;
    }
    const place = () => {
      const panel = panelRef.current;
      const wrap = wrapRef.current;
      if (!panel || !wrap) return;
      const margin = 8;
      const left = wrap.getBoundingClientRect().left;
      const width = panel.getBoundingClientRect().width;
      const overflow = left + width - (window.innerWidth - margin);
      setShift(overflow > 0 ? Math.min(overflow, left - margin) : 0);
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close(true);
    }
  };

  return (
    <div className={styles.wrap} ref={wrapRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        id={ANNOUNCEMENTS_BUTTON_ID}
        type="button"
        className={styles.button}
        aria-label={m.news.announcementsLabel(count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {count > 0 ? (
          <span className={styles.count} aria-hidden="true">
            {count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          ref={panelRef}
          className={styles.panel}
          role="region"
          aria-labelledby={headingId}
          style={shift ? { transform: `translateX(${-shift}px)` } : undefined}
        >
          <div className={styles.head}>
            <h2 id={headingId} className={styles.heading}>
              {m.news.announcements}
            </h2>
            <button type="button" className={styles.close} aria-label={m.news.close} onClick={() => close(true)}>
              <CloseIcon />
            </button>
          </div>
          {active.isError ? <ErrorAlert error={active.error} onRetry={() => void active.refetch()} /> : null}
          {dismissed.isError ? <ErrorAlert error={dismissed.error} onRetry={() => void dismissed.refetch()} /> : null}
          {active.isPending || dismissed.isPending ? (
            <Loading />
          ) : (
            <AnnouncementList active={active.data ?? []} dismissed={dismissed.data ?? []} />
          )}
        </div>
      ) : null}
    </div>
  );
}
