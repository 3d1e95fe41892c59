import { formatNumber } from '../../../lib/format';
import { m } from '../../../messages';
import type { Satisfaction } from '../api';

/** How contacts rated the handling of closed tickets: how many ratings, and their mean score. */
export function SatisfactionSummary({ satisfaction }: { satisfaction: Satisfaction }) {
  const s = m.tickets.dashboard.satisfaction;
  const average = satisfaction.average ?? null;
  return (
    <section className="card" aria-labelledby="ticket-satisfaction">
      <h2 id="ticket-satisfaction">{s.title}</h2>
      <p>{s.intro}</p>
      {satisfaction.ratings === 0 || average === null ? (
        <p className="muted">{s.none}</p>
      ) : (
        <dl className="facts">
          <dt>{s.ratings}</dt>
          <dd>{formatNumber(satisfaction.ratings)}</dd>
          <dt>{s.average}</dt>
          <dd>{s.averageValue(formatNumber(average, 1))}</dd>
        </dl>
      )}
    </section>
  );
}
