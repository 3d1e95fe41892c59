import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function ForgotPasswordPage() {
  return <Page title="ForgotPasswordPage">{null}</Page>;
}
