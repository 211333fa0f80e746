import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { SignInStep } from '../../session/sign-in-steps.ts';

// Tells the agent that signing in is not over yet, and why this page appeared.
export function SignInProgress({ step }: { step: SignInStep }) {
  const { t } = useI18n();
  return <p className="sign-in-progress">{t.signInProgress[step]}</p>;
}
