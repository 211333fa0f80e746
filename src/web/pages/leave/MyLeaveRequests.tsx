import { Link } from 'react-aria-components';
import type { MyLeave } from '../../../server/modules/leave/leave.schema.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { staffPaths } from '../staff-paths.ts';
import { daysText, periodText } from './leave-format.ts';

// The agent's leave requests, each linking to its page of the approval engine (steps, withdrawal, cancellation).
export function MyLeaveRequests({ items }: { items: MyLeave['requests'] }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  return (
    <section aria-labelledby="my-leave-requests" className="staff-section">
      <h2 id="my-leave-requests">{text.mine.title}</h2>
      {items.length === 0 ? (
        <p>{text.mine.empty}</p>
      ) : (
        <ResponsiveTable
          caption={text.mine.caption}
          rows={items}
          rowKey={(r) => r.requestId}
          title={{
            key: 'period',
            header: text.mine.period,
            cell: (r) => {
              const period = periodText(r, locale, text);
              return (
                <Link href={staffPaths.request(r.requestId)} aria-label={text.mine.open(period)}>
                  {period}
                </Link>
              );
            },
          }}
          columns={[
            { key: 'type', header: text.mine.type, cell: (r) => (r.specialReason ? `${text.types[r.type]} (${text.reasons[r.specialReason]})` : text.types[r.type]) },
            { key: 'days', header: text.mine.days, cell: (r) => daysText(r.halfDays, locale, text), nowrap: true },
            { key: 'status', header: text.mine.status, cell: (r) => <span className={`status-tag leave-status--${r.status}`}>{requests.common.status[r.status]}</span> },
          ]}
        />
      )}
    </section>
  );
}
