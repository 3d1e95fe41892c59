import { Page } from '../../../components/Page';

// Placeholder until the feature is built.
export default function DataSheetListPage() {
  return <Page title="DataSheetListPage">{null}</Page>;
}
