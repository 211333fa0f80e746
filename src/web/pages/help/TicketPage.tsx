import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function TicketPage() {
  return <Page title="Aide">{null}</Page>;
}
