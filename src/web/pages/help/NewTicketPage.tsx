import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function NewTicketPage() {
  return <Page title="Aide">{null}</Page>;
}
