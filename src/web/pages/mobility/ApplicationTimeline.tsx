import type { ApplicationView } from '../../../server/modules/mobility/mobility.schema.ts';
import { STEPS } from '../../../server/modules/mobility/mobility-steps.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import '../../theme/card.css';
import '../../theme/mobility.css';

type Event = ApplicationView['events'][number];
type Item = { key: string; name: string; event: Event | undefined; current: boolean };

// An application's steps in order, each dated once reached; the current one is marked for screen readers
// (aria-current="step") and in words. Once it has ended (withdrawn, not retained, started) only the steps
// it went through are shown. What people wrote is shown as text, whatever it contains.
export function ApplicationTimeline({ application, label, forHr = false }: { application: ApplicationView; label: string; forHr?: boolean }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility;
  const fr = locale === 'fr' ? undefined : 'fr';
  const eventOf = (step: string) => application.events.find((e) => e.step === step);
  const ended = application.stage === 'withdrawn' || application.stage === 'effective' || application.outcome === 'not_retained';
  const items: Item[] = STEPS.filter((step) => !ended || eventOf(step)).map((step) => ({
    key: step,
    name: text.stages[step],
    event: eventOf(step),
    current: step === application.stage,
  }));
  if (application.stage === 'withdrawn') items.push({ key: 'withdrawn', name: text.stages.withdrawn, event: eventOf('withdrawn'), current: true });
  const informed = eventOf('manager_informed');

  return (
    <div className="mobility-timeline">
      <ol className="card-steps" aria-label={text.timeline.label(label)}>
        {items.map(({ key, name, event, current }, index) => {
          const state = current ? 'current' : event ? 'done' : 'upcoming';
          return (
            <li key={key} className={`card-steps__item card-steps__item--${state}`} aria-current={current ? 'step' : undefined}>
              <span className="card-steps__marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="card-steps__name">{name}</span>
              <span className="card-steps__when">
                {event ? text.timeline.reached(formatDateTime(event.at, locale)) : text.timeline.upcoming}
                {current ? <span className="card-steps__current"> · {text.timeline.current}</span> : null}
              </span>
              {event ? <StepDetails event={event} forHr={forHr} fr={fr} /> : null}
            </li>
          );
        })}
      </ol>
      {informed ? <p className="mobility-timeline__note">{(forHr ? text.timeline.managerInformedHr : text.timeline.managerInformed)(formatDate(informed.at, locale))}</p> : null}
    </div>
  );
}

function StepDetails({ event, forHr, fr }: { event: Event; forHr: boolean; fr: string | undefined }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.timeline;
  const lines: string[] = [];
  if (event.step === 'interview' && event.on) lines.push(text.interviewOn(formatDate(event.on, locale)));
  if (event.step === 'decision' && event.outcome) lines.push(text.outcome(requests.mobility.outcomes[event.outcome]));
  if (event.step === 'effective' && event.on) lines.push(text.effectiveOn(formatDate(event.on, locale)));
  if (forHr && event.by && event.step !== 'submitted') lines.push(text.by(event.by));
  return (
    <>
      {lines.map((line) => (
        <span key={line} className="card-steps__hint">
          {line}
        </span>
      ))}
      {event.comment ? (
        <span className="card-steps__hint mobility-text" lang={fr}>
          <span className="visually-hidden">{text.comment} </span>
          {event.comment}
        </span>
      ) : null}
    </>
  );
}
