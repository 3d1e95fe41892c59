import { useState } from 'react';
import { CheckboxField } from '../../../components/Field';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { m } from '../../../messages';
import { useNotifications, useSetNotifications } from '../../customers';

/** The checkbox, saved as soon as it changes; while saving it shows the new choice, after a failure the saved one. */
function TicketEmailsCheckbox({ saved }: { saved: boolean }) {
  const t = m.auth.account.notifications;
  const change = useSetNotifications();
  // What the last save did, announced.
  const [said, setSaid] = useState('');
  // The choice being saved, held from the click itself: the mutation's pending state arrives a render
  // later, and until then the box would snap back to the saved value.
  const [choice, setChoice] = useState<boolean | null>(null);
  const save = (ticketEmails: boolean) => {
    setSaid('');
    setChoice(ticketEmails);
    change.mutate(
      { ticket_emails: ticketEmails },
      { onSuccess: (now) => setSaid(now.ticket_emails ? t.on : t.off), onSettled: () => setChoice(null) },
    );
  };
  const shown = choice ?? saved;
  return (
    <>
      <ErrorAlert error={change.error} onRetry={() => save(!saved)} />
      <CheckboxField
        label={t.ticketEmails}
        name="ticket-emails"
        hint={t.ticketEmailsHint}
        checked={shown}
        aria-busy={choice !== null || undefined}
        onChange={(e) => {
          if (choice === null) save(e.target.checked);
        }}
      />
      <div role="status">
        {said ? (
          <div className="alert alert-ok">
            <p>{said}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}

/** "Email notifications" on the account page: ticket emails on or off for the signed-in contact. */
export function TicketEmailsSetting() {
  const t = m.auth.account.notifications;
  const settings = useNotifications();
  return (
    <section className="card" aria-labelledby="email-notifications">
      <h2 id="email-notifications">{t.title}</h2>
      {settings.isPending ? (
        <Loading label={t.loading} />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <TicketEmailsCheckbox saved={settings.data.ticket_emails} />
      )}
    </section>
  );
}
