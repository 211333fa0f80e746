import { isApiError } from '../api/api-client.ts';
import type { Dictionary } from '../i18n/fr.ts';
import type { Locale } from '../i18n/locales.ts';

// The field errors of a problem, keyed by the body's property ("body.email" and "email" are both "email";
// "lines.3.email" stays as it is). In French the server's own message; elsewhere, by rule when we know it.
export function problemFieldErrors(error: unknown, locale: Locale, t: Dictionary, ruleTexts: Record<string, string> = {}): Record<string, string> {
  if (!isApiError(error)) return {};
  const rules: Record<string, string | undefined> = { ...t.errors.rules, ...ruleTexts };
  const found: Record<string, string> = {};
  for (const problem of error.problem?.errors ?? []) {
    if (!problem.field) continue;
    const field = problem.field.replace(/^body\./, '');
    const message = locale === 'fr' ? problem.message : ((problem.rule ? rules[problem.rule] : undefined) ?? t.errors.invalidField);
    found[field] = found[field] ? `${found[field]} ${message}` : message;
  }
  return found;
}
