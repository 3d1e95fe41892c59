import { useEffect, type ReactNode } from 'react';
import { m } from '../messages';

interface Props {
  title: string;
  /** Controls shown beside the heading (buttons, links). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page: its heading (the one h1), the browser tab's title, and its content. */
export function Page({ title, actions, children }: Props) {
  useEffect(() => {
    document.title = `${title} · ${m.common.appName}`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
