import type { TeamCalendar } from '../../../server/modules/leave/team-calendar.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { dayHeading, markText } from './calendar-words.ts';

// The same month on a phone: only the days when someone is away or teleworking (or staffing is short),
// each with its list of names and what they do, in words.
export function TeamCalendarDays({ calendar, caption }: { calendar: TeamCalendar; caption: string }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const days = calendar.days
    .map((day) => ({ day, who: calendar.members.flatMap((m) => m.marks.filter((mark) => mark.date === day.date).map((mark) => ({ member: m, mark }))) }))
    .filter(({ day, who }) => who.length > 0 || day.belowMinimum);
  if (days.length === 0) return <p>{text.team.nobody}</p>;
  return (
    <>
      <ol className="team-days" aria-label={caption}>
        {days.map(({ day, who }) => (
          <li key={day.date} className="team-days__day">
            <h3 className="team-days__date">{dayHeading(day, locale, text)}</h3>
            {day.belowMinimum && day.present !== null ? (
              <p className="team-days__below">
                <span aria-hidden="true">! </span>
                {text.team.presentCount(day.present, day.expected ?? day.present)}, {text.team.below}
              </p>
            ) : null}
            {who.length > 0 ? (
              <ul className="team-days__people">
                {who.map(({ member, mark }) => (
                  <li key={`${member.agentId}-${mark.status}-${mark.halves}`}>
                    <span className={`team-mark team-mark--${mark.status}`} aria-hidden="true">
                      {text.team.marks[mark.status].short}
                    </span>{' '}
                    {text.team.personMark(`${member.firstName} ${member.lastName}${member.isMe ? ` ${text.team.me}` : ''}`, markText(mark, text))}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="muted">{text.team.nothingElse}</p>
    </>
  );
}
