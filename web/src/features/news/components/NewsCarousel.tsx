import { useEffect, useState, type FocusEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { m } from '../../../messages';
import { usePrefersReducedMotion } from '../usePrefersReducedMotion';
import { ChevronLeft, ChevronRight, CloseIcon, PauseIcon, PlayIcon } from './icons';
import styles from './NewsCarousel.module.css';

export interface CarouselItem {
  id: string;
  title: string;
  body: string;
}

interface Props {
  items: CarouselItem[];
  /**
   * Called with the id of every item in the banner when the person dismisses it. Without it the banner
   * offers no dismissal (another company's portal, where the contact cannot dismiss its news).
   */
  onDismiss?: ((ids: string[]) => void) | undefined;
  /** While the dismissal is being sent. */
  dismissing?: boolean;
  /** Why the dismissal failed, said in the usual error alert. */
  error?: unknown;
  /** Offered with the error when sending the dismissal again may help. */
  onRetry?: (() => void) | undefined;
  /** Milliseconds between automatic rotations. */
  interval?: number;
}

/**
 * The news banner, after the WAI-ARIA auto-rotating carousel: one item at a time; several rotate every
 * `interval` ms, unless the pointer is over the banner, focus is inside it, the person paused it, or they
 * prefer reduced motion. Rotation is not announced; a change the person makes is (politely).
 */
export function NewsCarousel({ items, onDismiss, dismissing = false, error = null, onRetry, interval = 5000 }: Props) {
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const reducedMotion = usePrefersReducedMotion();

  const count = items.length;
  const current = Math.min(index, Math.max(0, count - 1));
  const several = count > 1;
  const rotating = several && playing && !reducedMotion && !hovered && !focused;

  useEffect(() => {
    if (!rotating) return undefined;
    const timer = setTimeout(() => setIndex((i) => (Math.min(i, count - 1) + 1) % count), interval);
    return () => clearTimeout(timer);
  }, [rotating, current, count, interval]);

  if (count === 0) return null;
  const item = items[current];
  if (!item) return null;

  const show = (i: number) => setIndex(((i % count) + count) % count);
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };

  return (
    <section
      className={styles.banner}
      aria-roledescription={m.news.carousel}
      aria-label={m.news.region}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
    >
      <div className={styles.inner}>
        {several && !reducedMotion ? (
          <button
            type="button"
            className={styles.iconButton}
            aria-label={playing ? m.news.pause : m.news.play}
            onClick={() => setPlaying((p) => !p)}
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
        ) : null}
        <div className={styles.slides} aria-live={rotating ? 'off' : 'polite'} aria-atomic="true">
          <div role="group" aria-roledescription={m.news.slide} aria-label={m.news.slideLabel(current + 1, count)} className={styles.slide}>
            <p className={styles.title}>{item.title}</p>
            <p className={styles.body}>{item.body}</p>
          </div>
        </div>
        {several ? (
          <div className={styles.nav}>
            <button type="button" className={styles.iconButton} aria-label={m.news.previous} onClick={() => show(current - 1)}>
              <ChevronLeft />
            </button>
            <div className={styles.dots} role="group" aria-label={m.news.pickItem}>
              {items.map((n, i) => (
                <button
                  key={n.id}
                  type="button"
                  className={styles.dot}
                  aria-label={m.news.showItem(i + 1, count)}
                  aria-current={i === current ? 'true' : undefined}
                  onClick={() => show(i)}
                />
              ))}
            </div>
            <button type="button" className={styles.iconButton} aria-label={m.news.next} onClick={() => show(current + 1)}>
              <ChevronRight />
            </button>
          </div>
        ) : null}
        {onDismiss ? (
          <button
            type="button"
            className={`${styles.iconButton} ${styles.dismiss}`}
            aria-label={m.news.dismiss}
            aria-busy={dismissing || undefined}
            aria-disabled={dismissing || undefined}
            onClick={() => {
              // Not `disabled`: that would drop the keyboard focus while the dismissal is sent.
              if (!dismissing) onDismiss(items.map((n) => n.id));
            }}
          >
            <CloseIcon />
          </button>
        ) : null}
      </div>
      {error ? (
        <div className={styles.error}>
          <ErrorAlert error={error} onRetry={onRetry} />
        </div>
      ) : null}
    </section>
  );
}
