import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function ActivatePage() {
  return <Page title="ActivatePage">{null}</Page>;
}
