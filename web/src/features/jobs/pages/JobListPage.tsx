import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function JobListPage() {
  return <Page title="JobListPage">{null}</Page>;
}
