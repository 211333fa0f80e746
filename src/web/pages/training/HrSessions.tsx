import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import type { HrSession, HrSessionPage } from '../../../server/modules/training/training.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { queryString } from '../staff-query.ts';
import { sessionDates } from './training-format.ts';

const pageSize = 20;
export type Period = 'upcoming' | 'past';

type HrSessionsProps = {
  period: Period;
  page: number;
  hrefFor(period: Period, page: number): string;
  onPeriod(period: Period): void;
  onOpen(session: HrSession): void;
  /** Changes each time attendance is recorded, so that the counts are read again. */
  version: number;
};

// The sessions to come (or held), with how many are registered, waiting or awaiting their manager, and
// whether attendance has been recorded.
export function HrSessions({ period, page, hrefFor, onPeriod, onOpen, version }: HrSessionsProps) {
  const { requests, locale } = useI18n();
  const text = requests.training;
  const hr = text.hr.sessions;
  const { resource, reload } = useApi<HrSessionPage>(`/api/hr/training/sessions${queryString({ period, limit: pageSize, offset: (page - 1) * pageSize })}`);
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);

  return (
    <section aria-labelledby="hr-sessions-title" className="staff-section">
      <h2 id="hr-sessions-title">{hr.title}</h2>
      <div className="filters">
        <NativeSelect
          label={hr.period}
          value={period}
          options={[
            { value: 'upcoming', label: hr.upcoming },
            { value: 'past', label: hr.past },
          ]}
          onChange={(value) => onPeriod(value === 'past' ? 'past' : 'upcoming')}
        />
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? <p>{hr.empty}</p> : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <>
          <ResponsiveTable<HrSession>
            caption={hr.caption}
            rows={resource.data.items}
            rowKey={(session) => session.id}
            title={{
              key: 'course',
              header: hr.columns.course,
              cell: (session) => (
                <>
                  <span lang="fr">{session.course.title}</span>
                  <span className="data-table__detail">{text.formats[session.course.format]}</span>
                </>
              ),
            }}
            columns={[
              { key: 'dates', header: hr.columns.dates, cell: (session) => sessionDates(session, locale, text) },
              {
                key: 'registered',
                header: hr.columns.registered,
                cell: (session) => (
                  <>
                    {hr.registered(session.registered + session.attended + session.absent, session.capacity)}
                    {session.waiting > 0 ? <span className="training-count-detail">{hr.waiting(session.waiting)}</span> : null}
                    {session.pending > 0 ? <span className="training-count-detail">{hr.pending(session.pending)}</span> : null}
                  </>
                ),
              },
              { key: 'attendance', header: hr.columns.attendance, cell: (session) => hr.attendance(session.attended, session.absent) },
            ]}
            actions={{
              header: hr.columns.actions,
              cell: (session) => (
                <Button className="button button--secondary button--small" onPress={() => onOpen(session)} aria-label={hr.openNamed(session.course.title, sessionDates(session, locale, text))}>
                  {hr.open}
                </Button>
              ),
            }}
          />
          <Pagination page={page} hasNext={resource.data.hasMore} hrefFor={(next) => hrefFor(period, next)} />
        </>
      ) : null}
    </section>
  );
}
