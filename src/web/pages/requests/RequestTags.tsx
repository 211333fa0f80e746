import type { z } from 'zod';
import type { RequestStatus } from '../../../server/modules/requests/requests.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { NEAR_DEADLINE_DAYS } from './deadline.ts';

export type Status = z.infer<typeof RequestStatus>;

// The staff pages' tags where one fits (staff.css); a refusal has its own.
const tagOf: Record<Status, string> = {
  pending: 'status-tag--pending',
  approved: 'status-tag--active',
  refused: 'request-status--refused',
  withdrawn: 'status-tag--departed',
  cancelled: 'status-tag--departed',
};

export function RequestStatusTag({ status }: { status: Status }) {
  const { requests } = useI18n();
  return <span className={`status-tag ${tagOf[status]}`}>{requests.common.status[status]}</span>;
}

/** The legal deadline to answer, counted down; a week or less, or past, reads as a warning. */
export function DeadlineCountdown({ daysLeft, dueOn }: { daysLeft: number; dueOn: string }) {
  const { requests, locale } = useI18n();
  const text = requests.common.deadline;
  const left = daysLeft > 0 ? text.inDays(daysLeft) : daysLeft === 0 ? text.today : text.late(-daysLeft);
  const near = daysLeft <= NEAR_DEADLINE_DAYS;
  return (
    <span className={near ? 'deadline deadline--near' : 'deadline'}>
      {near ? <span aria-hidden="true">⚠ </span> : null}
      {left} ({text.on(formatDate(dueOn, locale))})
    </span>
  );
}
