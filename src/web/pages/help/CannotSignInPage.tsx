import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function CannotSignInPage() {
  return <Page title="Aide">{null}</Page>;
}
