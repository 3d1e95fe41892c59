import { Button } from '../../../components/Button';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { m } from '../../../messages';

interface Props {
  confidential: boolean;
  busy: boolean;
  /** The last change's failure, said here with a retry. */
  error: unknown;
  onChange: (confidential: boolean) => void;
}

/** For the contact who raised the ticket: who can see it, and the button that makes it confidential or shares it. */
export function ConfidentialityPanel({ confidential, busy, error, onChange }: Props) {
  const t = m.tickets.detail.confidentiality;
  const change = () => onChange(!confidential);
  return (
    <section className="card" aria-labelledby="ticket-confidentiality">
      <h2 id="ticket-confidentiality">{t.title}</h2>
      <ErrorAlert error={error} onRetry={change} />
      <p>{confidential ? t.confidential : t.shared}</p>
      <Button variant="secondary" busy={busy} onClick={change}>
        {confidential ? t.unmark : t.mark}
      </Button>
    </section>
  );
}
