import { useState } from 'react';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// The life of a form's one action: busy while it runs, and a refusal shown both as a whole (the alert)
// and on the fields it names. The leave pages' five forms share it.
export function useFormAction(check: (errors: FieldErrors) => boolean, ruleTexts?: Record<string, string>) {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function run(action: () => Promise<void>): Promise<void> {
    setError(undefined);
    setPending(true);
    try {
      await action();
    } catch (caught) {
      setError(caught);
      check(problemFieldErrors(caught, locale, t, ruleTexts));
    } finally {
      setPending(false);
    }
  }

  return { pending, error, setError, run };
}
