import type { TeamCalendar } from '../../../server/modules/leave/team-calendar.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { dayHeading, type Mark, markText, weekdayShort } from './calendar-words.ts';

// A month as a real table: a row per agent, a column per day (its header says the day, the weekend or the
// holiday in words), a letter and a word in each cell, and for the manager a row of who is present.
export function TeamCalendarTable({ calendar, caption }: { calendar: TeamCalendar; caption: string }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const asManager = calendar.view === 'team';
  return (
    <div className="team-calendar__scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="team-calendar">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.team.member}</th>
            {calendar.days.map((day) => (
              <th key={day.date} scope="col" className={day.workingDay ? undefined : 'team-calendar__off'} aria-current={day.date === calendar.today ? 'date' : undefined}>
                <span aria-hidden="true">
                  {Number(day.date.slice(8))}
                  <br />
                  {weekdayShort(day.date, locale)}
                </span>
                <span className="visually-hidden">{dayHeading(day, locale, text)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calendar.members.map((member) => (
            <tr key={member.agentId}>
              <th scope="row">
                {member.firstName} {member.lastName} {member.isMe ? <span className="muted">{text.team.me}</span> : null}
              </th>
              {calendar.days.map((day) => (
                <td key={day.date} className={day.workingDay ? undefined : 'team-calendar__off'}>
                  {member.marks.filter((m) => m.date === day.date).map((mark) => <MarkCell key={`${mark.status}-${mark.halves}`} mark={mark} />)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {asManager ? (
          <tfoot>
            <tr>
              <th scope="row">{text.team.present}</th>
              {calendar.days.map((day) => (
                <td key={day.date} className={day.belowMinimum ? 'team-calendar__below' : day.workingDay ? undefined : 'team-calendar__off'}>
                  {day.present !== null && day.expected !== null ? (
                    <>
                      <span aria-hidden="true">{day.present}</span>
                      <span className="visually-hidden">{text.team.presentCount(day.present, day.expected)}</span>
                    </>
                  ) : null}
                  {day.belowMinimum ? (
                    <>
                      <span aria-hidden="true"> !</span>
                      <span className="visually-hidden">, {text.team.below}</span>
                    </>
                  ) : null}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function MarkCell({ mark }: { mark: Mark }) {
  const { requests } = useI18n();
  const text = requests.leave;
  return (
    <span className={`team-mark team-mark--${mark.status}`} title={markText(mark, text)}>
      <span aria-hidden="true">
        {text.team.marks[mark.status].short}
        {mark.halves === 'full' ? '' : '½'}
      </span>
      <span className="visually-hidden">{markText(mark, text)}</span>
    </span>
  );
}
