import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function DataSheetPage() {
  return <Page title="DataSheetPage">{null}</Page>;
}
