import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { m } from '../messages';

interface Props {
  title: string;
  /** Controls shown beside the heading (buttons, links). */
  actions?: ReactNode;
  children: ReactNode;
}

/** Whether the next page heading to appear should take the focus. */
let headingWanted = false;

/**
 * Moves focus to the page's heading inside `root` (after a navigation, so screen readers hear the new
 * page). When the page is not there yet (its code or data still loading), its heading takes focus when it
 * appears.
 */
export function focusPageHeading(root: ParentNode | null | undefined) {
  const heading = root?.querySelector<HTMLElement>('h1');
  headingWanted = !heading;
  heading?.focus({ preventScroll: true });
}

/** A page: its heading (the one h1), the browser tab's title, and its content. */
export function Page({ title, actions, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${m.common.appName}`;
  }, [title]);
  // A page replacing another (its loading state by the loaded one, or after a navigation) takes over the
  // focus its heading had, instead of letting it fall back to the start of the document.
  useLayoutEffect(() => {
    const heading = ref.current;
    if (headingWanted) heading?.focus({ preventScroll: true });
    headingWanted = false;
    return () => {
      if (heading && heading === document.activeElement) {
        // Only for a page mounted in the same commit: none arriving, the wish ends with it.
        headingWanted = true;
        queueMicrotask(() => {
          headingWanted = false;
        });
      }
    };
  }, []);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1} ref={ref}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
