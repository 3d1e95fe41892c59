import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function CompanyPage() {
  return <Page title="CompanyPage">{null}</Page>;
}
