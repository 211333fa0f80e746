import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function ArticlePage() {
  return <Page title="Aide">{null}</Page>;
}
