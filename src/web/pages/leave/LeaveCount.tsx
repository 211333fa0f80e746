import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-client.ts';
import { problemText } from '../../api/problem-text.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { daysText } from './leave-format.ts';
import type { PreviewState } from './use-leave-preview.ts';

// The days the request would take, as the server counts them, or why it could not be sent: read politely
// as the dates change, before anything is sent.
export function LeaveCount({ state }: { state: PreviewState }) {
  const { requests, t, locale } = useI18n();
  const text = requests.leave;
  const days = (halfDays: number) => daysText(halfDays, locale, text);
  let content: ReactNode;
  if (state.status === 'waiting') content = <p>{text.form.waiting}</p>;
  else if (state.status === 'counting') content = <p>{text.form.counting}</p>;
  else if (state.status === 'counted') {
    const { preview } = state;
    content = (
      <>
        <p className="leave-count__days">{text.form.counted(days(preview.halfDays))}</p>
        <p>{preview.availableAfterHalfDays === null ? text.form.noBalance : text.form.after(days(preview.availableAfterHalfDays))}</p>
      </>
    );
  } else {
    const rule = isApiError(state.error) ? state.error.problem?.errors?.[0]?.rule : undefined;
    const reason = locale !== 'fr' && rule && text.rules[rule] ? text.rules[rule] : problemText(state.error, locale, t).summary;
    content = (
      <p className="leave-count__refused">
        {text.form.notSendable} {reason}
      </p>
    );
  }
  return (
    <div className="leave-count" role="status">
      <p className="leave-count__title">{text.form.countTitle}</p>
      {content}
    </div>
  );
}
