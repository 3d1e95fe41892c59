import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function DashboardPage() {
  return <Page title="DashboardPage">{null}</Page>;
}
