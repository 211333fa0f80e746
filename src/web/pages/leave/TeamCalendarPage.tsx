import { Link } from 'react-aria-components';
import type { TeamCalendar } from '../../../server/modules/leave/team-calendar.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { wideScreenQuery } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useMediaQuery } from '../../components/use-media-query.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { queryString } from '../staff-query.ts';
import { useAnnouncement } from '../mobility/use-announcement.tsx';
import { dayLabel, isMonth, markText, monthLabel, monthRange, shiftMonth } from './calendar-words.ts';
import { MinimumStaffingForm } from './MinimumStaffingForm.tsx';
import { TeamCalendarDays } from './TeamCalendarDays.tsx';
import { TeamCalendarTable } from './TeamCalendarTable.tsx';
import '../../theme/leave.css';

const VIEWS = { equipe: 'team', unite: 'unit' } as const;
type ViewWord = keyof typeof VIEWS;

// /conges/equipe?mois=2026-12&vue=equipe: the month and the view are in the address (Back, reload, sharing).
export function TeamCalendarPage() {
  const { requests } = useI18n();
  const text = requests.leave.team;
  const search = new URLSearchParams(useSearch());
  const month = isMonth(search.get('mois')) ? search.get('mois')! : undefined;
  const viewWord = search.get('vue') as ViewWord | null;
  const view = viewWord && viewWord in VIEWS ? VIEWS[viewWord] : undefined;
  const { resource, reload } = useApi<TeamCalendar>(`/api/leave/team-calendar${queryString({ ...(month ? monthRange(month) : {}), view })}`);
  const lead = resource.status === 'ready' && resource.data.view === 'team' ? text.leadManager : text.leadAgent;

  return (
    <RequestsLayout title={text.title} lead={lead}>
      <p>
        <Link href={paths.leave}>{text.back}</Link>
      </p>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? <Month calendar={resource.data} viewWord={viewWord} reload={reload} /> : null}
    </RequestsLayout>
  );
}

function Month({ calendar, viewWord, reload }: { calendar: TeamCalendar; viewWord: ViewWord | null; reload(): Promise<void> }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const wide = useMediaQuery(wideScreenQuery);
  const { announce, announcement } = useAnnouncement();
  const month = calendar.from.slice(0, 7);
  const label = monthLabel(calendar.from, locale);
  const caption = text.team.caption(label);
  const address = (m: string, vue: string | null = viewWord) => `${paths.teamCalendar}${queryString({ mois: m, vue })}`;
  const below = calendar.days.filter((d) => d.belowMinimum);

  return (
    <>
      <nav className="team-calendar__nav" aria-label={text.team.month(label)}>
        <Link href={address(shiftMonth(month, -1))} aria-label={text.team.previousLabel(monthLabel(`${shiftMonth(month, -1)}-01`, locale))}>
          {text.team.previous}
        </Link>
        <h2 className="team-calendar__month">{label}</h2>
        <Link href={address(shiftMonth(month, 1))} aria-label={text.team.nextLabel(monthLabel(`${shiftMonth(month, 1)}-01`, locale))}>
          {text.team.next}
        </Link>
      </nav>
      {calendar.managesTeam ? (
        <p className="team-calendar__views">
          {text.team.viewLabel}{' '}
          {(['equipe', 'unite'] as const).map((word) => (
            <Link key={word} href={address(month, word)} aria-current={calendar.view === VIEWS[word] ? 'page' : undefined} className="team-calendar__view">
              {text.team.views[VIEWS[word]]}
            </Link>
          ))}
        </p>
      ) : null}
      <p className="results-count">{text.team.members(calendar.members.length)}</p>
      {below.length > 0 && calendar.minimumStaffing !== null ? (
        <Alert tone="warning" title={text.team.belowTitle(calendar.minimumStaffing)}>
          <ul className="alert__list">
            {below.map((d) => (
              <li key={d.date}>{text.team.belowDay(dayLabel(d.date, locale), d.present ?? 0)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {wide ? <TeamCalendarTable calendar={calendar} caption={caption} /> : <TeamCalendarDays calendar={calendar} caption={caption} />}
      <Legend />
      {calendar.view === 'team' ? (
        <>
          {announcement}
          <MinimumStaffingForm
            minimum={calendar.minimumStaffing}
            onSaved={async (minimum) => {
              await reload();
              announce(text.team.minimumSaved(minimum));
            }}
          />
        </>
      ) : null}
    </>
  );
}

function Legend() {
  const { requests } = useI18n();
  const text = requests.leave;
  return (
    <section aria-labelledby="team-legend" className="team-legend">
      <h2 id="team-legend" className="team-legend__title">
        {text.team.legendTitle}
      </h2>
      <ul className="team-legend__list">
        {(['leave', 'pending', 'absent', 'telework'] as const).map((status) => (
          <li key={status}>
            <span className={`team-mark team-mark--${status}`} aria-hidden="true">
              {text.team.marks[status].short}
            </span>{' '}
            {markText({ date: '', halves: 'full', status, leaveType: null }, text)}
          </li>
        ))}
        <li>
          <span className="team-mark" aria-hidden="true">
            ½
          </span>{' '}
          {text.team.halfLegend}
        </li>
      </ul>
    </section>
  );
}
