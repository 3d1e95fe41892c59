import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function AccountPage() {
  return <Page title="AccountPage">{null}</Page>;
}
