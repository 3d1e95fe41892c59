import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { RatingView } from '../api';
import styles from './TicketDetail.module.css';

interface Props {
  rating: RatingView;
  /** Just rated: the form this takes the place of had the keyboard, so this heading takes it. */
  takeFocus?: boolean;
}

/** The contact's rating of the ticket: its score, their comment and when. */
export function RatingSummary({ rating, takeFocus = false }: Props) {
  const t = m.tickets.detail.rating;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  return (
    <section className="card" aria-labelledby="ticket-rating">
      <h2 id="ticket-rating" ref={heading} tabIndex={-1}>{t.yourRating}</h2>
      <p>{t.rated(rating.score)}</p>
      {rating.comment ? (
        <blockquote className={styles.comment}>
          <p className={styles.description}>{rating.comment}</p>
        </blockquote>
      ) : null}
      <p className="muted">{t.ratedAt(formatDateTime(rating.at))}</p>
    </section>
  );
}
