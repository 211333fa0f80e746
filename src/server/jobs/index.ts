import { runAccountLifecycle } from '../modules/accounts/index.ts';
import { remindExpiringPasswords } from '../modules/identity/index.ts';
import { deliverOutbox, sendNotificationDigests } from '../modules/notifications/index.ts';
import { deliverBuildingAccessEvents } from '../modules/professional-card/index.ts';
import { cleanUpExpiredSessions, cleanUpThrottleCounters, purgeConnectionHistory, purgeDeliveredMessages } from './housekeeping.ts';
import type { Job } from './scheduler.ts';
import { purgeExpiredPayslips } from '../modules/payslips/index.ts';
import { remindPendingRequests } from '../modules/requests/index.ts';
import { expireLapsedLeave } from '../modules/leave/index.ts';
import { remindTeleworkReviews } from '../modules/telework/index.ts';
import { closeUnansweredSolutions } from '../modules/helpdesk/index.ts';
import { checkServiceHealth } from '../modules/announcements/index.ts';
import { deliverSsoLogouts, purgeExpiredSsoRecords, rotateSigningKeys } from '../modules/sso/index.ts';

export { type Job, runDueJobs, startScheduler } from './scheduler.ts';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Everything the portal does on its own. Adding a job is one line: a name that never changes (its key in
// scheduled_jobs), a period, and a function (ctx, now, log) => Promise.
export const scheduledJobs: readonly Job[] = [
  { name: 'outbox-delivery', everyMs: 10 * SECOND, run: deliverOutbox },
  { name: 'notification-digest', everyMs: 15 * MINUTE, run: sendNotificationDigests },
  { name: 'request-reminders', everyMs: HOUR, run: remindPendingRequests },
  { name: 'leave-expiry', everyMs: DAY, run: expireLapsedLeave },
  { name: 'telework-reviews', everyMs: HOUR, run: remindTeleworkReviews },
  { name: 'helpdesk-auto-close', everyMs: HOUR, run: closeUnansweredSolutions },
  { name: 'service-health-checks', everyMs: MINUTE, run: checkServiceHealth },
  { name: 'sso-logout-delivery', everyMs: 10 * SECOND, run: deliverSsoLogouts },
  { name: 'sso-signing-key-rotation', everyMs: HOUR, run: rotateSigningKeys },
  { name: 'sso-expired-records-purge', everyMs: HOUR, run: purgeExpiredSsoRecords },
  { name: 'building-access-webhooks', everyMs: 10 * SECOND, run: deliverBuildingAccessEvents },
  { name: 'expired-sessions-cleanup', everyMs: 15 * MINUTE, run: cleanUpExpiredSessions },
  { name: 'throttle-counters-cleanup', everyMs: HOUR, run: cleanUpThrottleCounters },
  { name: 'connection-history-purge', everyMs: DAY, run: purgeConnectionHistory },
  { name: 'delivered-outbox-purge', everyMs: DAY, run: purgeDeliveredMessages },
  { name: 'password-expiry-reminder', everyMs: HOUR, run: remindExpiringPasswords },
  { name: 'account-lifecycle', everyMs: 15 * MINUTE, run: runAccountLifecycle },
  { name: 'payslip-retention-purge', everyMs: DAY, run: (ctx, now, log) => purgeExpiredPayslips(ctx, now, log, ctx.config.payslipRetentionYears) },
];
