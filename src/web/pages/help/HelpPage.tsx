import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function HelpPage() {
  return <Page title="Aide">{null}</Page>;
}
