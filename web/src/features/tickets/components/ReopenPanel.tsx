import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/format';
import { m } from '../../../messages';

interface Props {
  /** Until when the contact may reopen the ticket they closed. */
  until: string;
  busy: boolean;
  onReopen: () => void;
}

/** "You can reopen this ticket until …", with the button that does. A refusal is the page's to show: the
 * ticket is read again then, and this panel may be gone. */
export function ReopenPanel({ until, busy, onReopen }: Props) {
  const t = m.tickets.detail.reopen;
  return (
    <section className="card" aria-labelledby="ticket-reopen">
      <h2 id="ticket-reopen">{t.title}</h2>
      <p>{t.until(formatDateTime(until))}</p>
      <Button variant="secondary" busy={busy} onClick={onReopen}>
        {t.button}
      </Button>
    </section>
  );
}
