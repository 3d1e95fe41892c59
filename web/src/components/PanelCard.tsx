import type { UseQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { QueryState } from './QueryState';

interface Props<T> {
  title: string;
  /** What the panel shows, in a sentence under its heading. */
  intro: string;
  /** The figures, with their own loading and error states. */
  query: UseQueryResult<T>;
  /** A class beside `card` (the feature's spacing). */
  className?: string;
  children: (data: T) => ReactNode;
}

/** A panel of figures: a card named by its heading, an introduction, and the figures once they have come. */
export function PanelCard<T>({ title, intro, query, className, children }: Props<T>) {
  const headingId = useId();
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{intro}</p>
      <QueryState query={query}>{children}</QueryState>
    </section>
  );
}
