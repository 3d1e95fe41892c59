import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function ResetPasswordPage() {
  return <Page title="ResetPasswordPage">{null}</Page>;
}
