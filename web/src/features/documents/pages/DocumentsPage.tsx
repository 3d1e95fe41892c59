import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function DocumentsPage() {
  return <Page title="DocumentsPage">{null}</Page>;
}
