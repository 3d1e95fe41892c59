import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';
import type { SlaClock, SlaView } from '../api';
import styles from './SlaPanel.module.css';

/** How a target stands, in words with its colour: Met, Missed, Due by …, Overdue. */
export function SlaStateBadge({ clock }: { clock: SlaClock }) {
  const states = m.tickets.detail.sla.states;
  const label = clock.state === 'pending' ? states.pending(formatDateTime(clock.due)) : states[clock.state];
  return <span className={`badge ${styles[clock.state] ?? ''}`}>{label}</span>;
}

function ClockRow({ label, clock }: { label: string; clock: SlaClock }) {
  const t = m.tickets.detail.sla;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatDateTime(clock.due)}</td>
      <td>
        <SlaStateBadge clock={clock} />
        {clock.done_at ? <span className={styles.done}>{t.doneAt(formatDateTime(clock.done_at))}</span> : null}
      </td>
    </tr>
  );
}

/** "Service levels": when the first response and the resolution are due, and how each stands. Nothing when
 * the business set neither target for the ticket's priority. */
export function SlaPanel({ sla }: { sla: SlaView }) {
  const t = m.tickets.detail.sla;
  const response = sla.response ?? null;
  const resolution = sla.resolution ?? null;
  if (!response && !resolution) return null;
  return (
    <section className="card" aria-labelledby="ticket-sla">
      <h2 id="ticket-sla">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.target}</th>
              <th scope="col">{t.due}</th>
              <th scope="col">{t.state}</th>
            </tr>
          </thead>
          <tbody>
            {response ? <ClockRow label={t.response} clock={response} /> : null}
            {resolution ? <ClockRow label={t.resolution} clock={resolution} /> : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
