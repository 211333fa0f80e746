import type { Dictionary } from '../i18n/fr.ts';
import type { Locale } from '../i18n/locales.ts';
import { isApiError } from './api-client.ts';

export type ProblemText = { summary: string; details: string[] };

// The server writes its messages in French; in another language the app says the same from its own
// dictionary, keyed by the problem's code and each error's rule.
export function problemText(error: unknown, locale: Locale, t: Dictionary): ProblemText {
  if (!isApiError(error)) return { summary: t.errors.generic, details: [] };
  if (error.status === 0) return { summary: t.errors.network, details: [] };
  const problem = error.problem;
  const code = problem?.code ?? '';
  if (code === 'rate_limited' && error.retryAfterSeconds) {
    return { summary: t.errors.rateLimited(waitText(error.retryAfterSeconds, t)), details: [] };
  }
  const ownText = (t.errors.byCode as Record<string, string | undefined>)[code] ?? t.errors.generic;
  if (locale === 'fr' && problem) {
    return { summary: problem.detail ?? problem.title ?? ownText, details: (problem.errors ?? []).map((e) => e.message) };
  }
  const rules: Record<string, string | undefined> = { ...t.passwordRules.rules, ...t.errors.rules };
  const details = (problem?.errors ?? []).map((e) => (e.rule ? rules[e.rule] : undefined) ?? t.errors.invalidField);
  return { summary: ownText, details: [...new Set(details)] };
}

export function waitText(seconds: number, t: Dictionary): string {
  return seconds < 90 ? t.errors.seconds(seconds) : t.errors.minutes(Math.ceil(seconds / 60));
}
