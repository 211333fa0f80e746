import type { RequestDetail } from '../../../server/modules/requests/requests.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';

// Each dated step of a request, in order: who did what and when, with what they wrote. The text typed by
// people (a reason, a comment) is shown as text, whatever it contains.
export function RequestTimeline({ events }: { events: RequestDetail['events'] }) {
  const { requests, locale } = useI18n();
  const text = requests.common.request;
  return (
    <section aria-labelledby="request-timeline-title" className="staff-section">
      <h2 id="request-timeline-title">{text.timelineTitle}</h2>
      <ol className="timeline" aria-label={text.timelineCaption}>
        {events.map((event, index) => (
          <li key={`${event.at}-${index}`} className={`timeline__step timeline__step--${event.action}`}>
            <p className="timeline__what">{text.events[event.action](event.by ?? text.someone)}</p>
            <p className="timeline__when">
              <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
            </p>
            {event.comment ? (
              <p className="timeline__comment">
                <span className="visually-hidden">{text.comment} </span>
                {event.comment}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
