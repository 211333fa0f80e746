import { useState } from 'react';
import type { ArrangementView } from '../../../server/modules/telework/telework.schema.ts';
import { api } from '../../api/api-client.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Announce } from './TeleworkPage.tsx';
import { formatDay } from './telework-format.ts';

// The coming working days, each with its button: a list reads better than a grid with a screen reader and
// on a phone, and the server has already left out holidays, fixed days and leave.
export function FloatingDays({ arrangement, announce }: { arrangement: ArrangementView; announce: Announce }) {
  const { requests, locale } = useI18n();
  const text = requests.telework.floating;
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<unknown>();

  async function toggle(date: string, booked: boolean) {
    setPending(date);
    setError(undefined);
    const url = `/api/me/telework/floating-days/${date}`;
    try {
      if (booked) await api.delete(url);
      else await api.put(url, {});
      await announce((booked ? text.freedDone : text.bookedDone)(formatDay(date, locale)));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(undefined);
    }
  }

  return (
    <section aria-labelledby="telework-floating" className="staff-section">
      <h2 id="telework-floating">{text.title}</h2>
      <p>{text.lead}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {arrangement.upcomingDays.length === 0 ? <p>{text.none}</p> : null}
      {arrangement.upcomingDays.length > 0 ? (
        <ul className="floating-days" aria-label={text.listLabel}>
          {arrangement.upcomingDays.map(({ date, booked }) => {
            const day = formatDay(date, locale);
            return (
              <li key={date} className={booked ? 'floating-day floating-day--booked' : 'floating-day'}>
                <span className="floating-day__date">{day}</span>
                {booked ? <span className="status-tag request-status--approved">{text.booked}</span> : null}
                <PendingButton
                  className={booked ? 'button button--secondary button--small' : 'button button--primary button--small'}
                  pending={pending === date}
                  isDisabled={pending !== undefined && pending !== date}
                  aria-label={(booked ? text.freeNamed : text.bookNamed)(day)}
                  onPress={() => toggle(date, booked)}
                >
                  {booked ? text.free : text.book}
                </PendingButton>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
