import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function WorkflowListPage() {
  return <Page title="WorkflowListPage">{null}</Page>;
}
