import { Button } from 'react-aria-components';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { eventDetail, eventDevice, eventLabel } from './describe-event.ts';
import { type ConnectionEvent, isReportable } from './history-types.ts';

type EventsProps = { events: ConnectionEvent[]; onReport(event: ConnectionEvent): void };

const resultIcons = { success: '✓', failure: '✗', info: 'i' } as const;

function Result({ event }: { event: ConnectionEvent }) {
  const { t } = useI18n();
  return (
    <span className={`result result--${event.result}`}>
      <span className="result__icon" aria-hidden="true">
        {resultIcons[event.result]}
      </span>
      {t.account.history.resultLabels[event.result]}
    </span>
  );
}

function ReportButton({ event, onReport }: { event: ConnectionEvent; onReport(event: ConnectionEvent): void }) {
  const { t, locale } = useI18n();
  if (!isReportable(event)) return null;
  return (
    <Button
      className="button button--secondary button--small"
      onPress={() => onReport(event)}
      aria-label={t.account.history.notMeNamed(eventLabel(event, t), formatDateTime(event.at, locale), eventDevice(event, t))}
    >
      {t.account.history.notMe}
    </Button>
  );
}

export function HistoryTable({ events, onReport }: EventsProps) {
  const { t, locale } = useI18n();
  const text = t.account.history;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{text.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.columns.date}</th>
          <th scope="col">{text.columns.event}</th>
          <th scope="col">{text.columns.result}</th>
          <th scope="col">{text.columns.device}</th>
          <th scope="col">{text.columns.network}</th>
          <th scope="col">
            <span className="visually-hidden">{text.columns.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const detail = eventDetail(event, t);
          return (
            <tr key={event.id} data-event-id={event.id} tabIndex={-1}>
              <td className="data-table__nowrap">{formatDateTime(event.at, locale)}</td>
              <td>
                {eventLabel(event, t)}
                {detail ? <span className="data-table__detail">{detail}</span> : null}
              </td>
              <td>
                <Result event={event} />
              </td>
              <td>{eventDevice(event, t)}</td>
              <td>
                {event.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork}
                <span className="data-table__detail">{event.ip}</span>
              </td>
              <td>
                <ReportButton event={event} onReport={onReport} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// On a phone each event is a card, read in the same order as a row of the table.
export function HistoryList({ events, onReport }: EventsProps) {
  const { t, locale } = useI18n();
  const text = t.account.history;
  return (
    <ul className="item-cards" aria-label={text.caption}>
      {events.map((event) => {
        const detail = eventDetail(event, t);
        return (
          <li key={event.id} className="item-card" data-event-id={event.id} tabIndex={-1}>
            <div className="item-card__main">
              <p className="item-card__title">
                {eventLabel(event, t)} <Result event={event} />
              </p>
              {detail ? <p className="item-card__subtitle">{detail}</p> : null}
              <dl className="item-card__facts">
                <div>
                  <dt>{text.columns.date}</dt>
                  <dd>{formatDateTime(event.at, locale)}</dd>
                </div>
                <div>
                  <dt>{text.columns.device}</dt>
                  <dd>{eventDevice(event, t)}</dd>
                </div>
                <div>
                  <dt>{text.columns.network}</dt>
                  <dd>
                    {event.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork} ({event.ip})
                  </dd>
                </div>
              </dl>
            </div>
            <ReportButton event={event} onReport={onReport} />
          </li>
        );
      })}
    </ul>
  );
}
