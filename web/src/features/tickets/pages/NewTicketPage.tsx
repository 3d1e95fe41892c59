import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function NewTicketPage() {
  return <Page title="NewTicketPage">{null}</Page>;
}
