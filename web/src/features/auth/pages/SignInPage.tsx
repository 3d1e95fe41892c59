import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function SignInPage() {
  return <Page title="SignInPage">{null}</Page>;
}
