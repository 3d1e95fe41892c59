import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { useCreateTicket } from '../api';
import { TicketForm } from '../components/TicketForm';

export default function NewTicketPage() {
  const navigate = useNavigate();
  const create = useCreateTicket();
  return (
    <Page title={m.tickets.create.title}>
      <TicketForm
        busy={create.isPending}
        error={create.error}
        onSubmit={(ticket) => create.mutate(ticket, { onSuccess: (t) => navigate(paths.ticket(t.id)) })}
        onCancel={() => navigate(paths.tickets)}
      />
    </Page>
  );
}
