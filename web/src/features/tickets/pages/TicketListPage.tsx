import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function TicketListPage() {
  return <Page title="TicketListPage">{null}</Page>;
}
