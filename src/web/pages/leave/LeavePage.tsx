import { Link } from 'react-aria-components';
import type { MyLeave } from '../../../server/modules/leave/leave.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';
import { useAnnouncement } from '../mobility/use-announcement.tsx';
import { CetPanel } from './CetPanel.tsx';
import { LeaveBalances } from './LeaveBalances.tsx';
import { LeaveRequestForm } from './LeaveRequestForm.tsx';
import { MyLeaveRequests } from './MyLeaveRequests.tsx';
import '../../theme/leave.css';

// /conges: the year's balances with what is pending, a new request with its days counted before sending,
// the CET, and the agent's leave requests (each one's steps are on its page of /demandes).
export function LeavePage() {
  const { requests } = useI18n();
  const text = requests.leave;
  const { resource, reload } = useApi<MyLeave>('/api/me/leave');
  const { announce, announcement } = useAnnouncement();

  // The sent request's summary takes the focus, once the balances show what it holds.
  async function sent(next: string) {
    await reload();
    announce(next);
  }

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <p>
        <Link href={paths.teamCalendar}>{text.teamCalendarLink}</Link>
      </p>
      {announcement}
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <>
          <LeaveBalances year={resource.data.year} balances={resource.data.balances} lines={resource.data.lines} />
          <LeaveRequestForm leave={resource.data} onSent={(summary) => sent(text.form.sent(summary))} />
          <MyLeaveRequests items={resource.data.requests} />
          <CetPanel cet={resource.data.cet} onSent={(summary) => sent(text.cet.sent(summary))} />
        </>
      ) : null}
    </RequestsLayout>
  );
}
