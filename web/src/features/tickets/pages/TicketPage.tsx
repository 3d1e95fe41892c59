import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function TicketPage() {
  return <Page title="TicketPage">{null}</Page>;
}
