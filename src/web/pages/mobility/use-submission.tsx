import { type ReactNode, useRef, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { newSubmissionKey, postOnce } from '../../api/submit-once.ts';

/**
 * Sends a form that must file one thing only (an application, a request). The Idempotency-Key is drawn with
 * the form and kept for its retries, then drawn again once it has served. A refusal is shown (`problem`,
 * which takes the focus) and its field errors handed to the form.
 */
export function useSubmission(url: string, showFieldErrors: (errors: Record<string, string>) => void): { pending: boolean; send(body: unknown): Promise<boolean>; problem: ReactNode } {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key, setKey] = useState(newSubmissionKey);
  const ref = useRef<HTMLDivElement>(null);

  async function send(body: unknown): Promise<boolean> {
    setPending(true);
    setError(undefined);
    try {
      await postOnce(url, body, key);
      setKey(newSubmissionKey());
      return true;
    } catch (caught) {
      setError(caught);
      showFieldErrors(problemFieldErrors(caught, locale, t));
      window.requestAnimationFrame(() => ref.current?.focus());
      return false;
    } finally {
      setPending(false);
    }
  }

  const problem = (
    <div ref={ref} tabIndex={-1} className="focus-target">
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
  return { pending, send, problem };
}
