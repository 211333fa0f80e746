import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function ServiceStatusPage() {
  return <Page title="Aide">{null}</Page>;
}
