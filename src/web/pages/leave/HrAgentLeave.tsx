import type { HrAgentLeave as AgentLeave } from '../../../server/modules/leave/hr-leave.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAnnouncement } from '../mobility/use-announcement.tsx';
import { HrAbsenceForm } from './HrAbsenceForm.tsx';
import { HrAdjustmentForm } from './HrAdjustmentForm.tsx';
import { LeaveBalances } from './LeaveBalances.tsx';
import { daysText, periodText } from './leave-format.ts';

// One agent of HR's perimeter (404 outside it): balances and their lines, the absences recorded, and the
// two things HR does here, each followed by a message that takes the focus.
export function HrAgentLeave({ badge }: { badge: string }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const { resource, reload } = useApi<AgentLeave>(`/api/hr/leave/agents/${encodeURIComponent(badge)}`);
  const { announce, announcement } = useAnnouncement();

  async function done(next: string) {
    await reload();
    announce(next);
  }

  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  const leave = resource.data;
  const name = `${leave.agent.firstName} ${leave.agent.lastName}`;
  return (
    <section aria-labelledby="hr-agent-leave" className="staff-section">
      <h2 id="hr-agent-leave">{text.hr.agentTitle(name)}</h2>
      <p className="muted">{text.hr.agentLead(leave.agent.badgeNumber, leave.agent.department)}</p>
      {announcement}
      <LeaveBalances year={leave.year} balances={leave.balances} lines={leave.lines} headingLevel={3} title={text.hr.balancesTitle(leave.year)} note={text.hr.balancesNote} />
      <section aria-labelledby="hr-absences" className="staff-section">
        <h3 id="hr-absences">{text.hr.absencesTitle}</h3>
        {leave.absences.length === 0 ? (
          <p>{text.hr.noAbsence}</p>
        ) : (
          <ResponsiveTable
            caption={text.hr.absencesCaption}
            rows={leave.absences}
            rowKey={(a) => a.id}
            title={{ key: 'period', header: text.mine.period, cell: (a) => periodText(a, locale, text) }}
            columns={[
              { key: 'kind', header: text.hr.kind, cell: (a) => text.hr.kinds[a.kind] },
              { key: 'days', header: text.mine.days, cell: (a) => daysText(a.halfDays, locale, text), nowrap: true },
              { key: 'comment', header: text.hr.comment, cell: (a) => a.comment ?? '' },
            ]}
          />
        )}
      </section>
      <HrAbsenceForm badge={badge} onDone={(period) => done(text.hr.recorded(name, period))} />
      <HrAdjustmentForm badge={badge} year={leave.year} onDone={() => done(text.hr.adjusted(name))} />
    </section>
  );
}
