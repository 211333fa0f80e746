import { problemText } from '../api/problem-text.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Alert } from './Alert.tsx';

// An API error as the agent should read it: the server's explanation and, when it gives them, each reason.
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, locale } = useI18n();
  const text = problemText(error, locale, t);
  const details = text.details.filter((detail) => detail !== text.summary);
  return (
    <Alert tone="error" announce title={title ?? text.summary}>
      {title ? <p>{text.summary}</p> : null}
      {details.length > 0 ? (
        <ul className="alert__list">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
