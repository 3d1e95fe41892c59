import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function DataSheetLayoutPage() {
  return <Page title="DataSheetLayoutPage">{null}</Page>;
}
