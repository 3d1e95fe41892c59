import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function HomePage() {
  return <Page title="HomePage">{null}</Page>;
}
