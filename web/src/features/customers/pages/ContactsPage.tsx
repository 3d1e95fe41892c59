import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function ContactsPage() {
  return <Page title="ContactsPage">{null}</Page>;
}
