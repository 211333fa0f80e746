import type { Announcement, ServiceStateChange } from '../../../server/modules/announcements/announcements.schema.ts';
import { useAnnouncementsText } from '../../components/AnnouncementsText.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StatusServiceName } from './StatusServiceName.tsx';

type Entry = { at: string; key: string; announcement?: Announcement; change?: ServiceStateChange };

// What support announced and what the checks saw, one list, the latest first.
export function StatusHistory({ incidents, stateChanges }: { incidents: Announcement[]; stateChanges: ServiceStateChange[] }) {
  const text = useAnnouncementsText().status;
  const { locale } = useI18n();
  const entries: Entry[] = [
    ...incidents.map((announcement) => ({ at: announcement.startsAt, key: announcement.id, announcement })),
    ...stateChanges.map((change, index) => ({ at: change.at, key: `change-${index}`, change })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <p>{text.noHistory}</p>;
  return (
    <ul className="incident-history">
      {entries.map((entry) => (
        <li key={entry.key}>
          <p className="incident-history__when">
            {formatDateTime(entry.at, locale)} — {entry.announcement ? text.announced : text.detected}
          </p>
          {entry.announcement ? (
            <>
              <p className="announcement__title">{entry.announcement.title}</p>
              {entry.announcement.body ? <p className="announcement__body">{entry.announcement.body}</p> : null}
            </>
          ) : entry.change ? (
            <p>
              <StatusServiceName kind={entry.change.kind} name={entry.change.name} />
              {text.change(text.states[entry.change.from], text.states[entry.change.to])}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
