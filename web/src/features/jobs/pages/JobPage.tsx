import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function JobPage() {
  return <Page title="JobPage">{null}</Page>;
}
