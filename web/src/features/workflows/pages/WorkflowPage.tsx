import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function WorkflowPage() {
  return <Page title="WorkflowPage">{null}</Page>;
}
