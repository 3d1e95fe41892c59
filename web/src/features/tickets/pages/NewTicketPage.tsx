import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { paths } from '../../../lib/paths';
import { m } from '../../../messages';
import { OwnPortalOnly, useViewingOther } from '../../groups';
import { useCreateTicket } from '../api';
import { TicketForm } from '../components/TicketForm';

export default function NewTicketPage() {
  const navigate = useNavigate();
  const create = useCreateTicket();
  const viewingOther = useViewingOther();
  return (
    <Page title={m.tickets.create.title}>
      {viewingOther ? (
        <OwnPortalOnly />
      ) : (
      <TicketForm
        busy={create.isPending}
        error={create.error}
        onSubmit={(ticket) => create.mutate(ticket, { onSuccess: (t) => navigate(paths.ticket(t.id)) })}
        onCancel={() => navigate(paths.tickets)}
      />
      )}
    </Page>
  );
}
