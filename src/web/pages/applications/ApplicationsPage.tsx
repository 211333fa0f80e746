import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function ApplicationsPage() {
  return <Page title="Applications">{null}</Page>;
}
