import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function StepUpPage() {
  return <Page title="Vérification renforcée">{null}</Page>;
}
