import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';
import { Alert } from '../../components/Alert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';

type Agent = z.infer<typeof AgentDetail>;

// What is about to happen, or has happened, to the account: read first, before the record.
export function HrAgentNotices({ agent }: { agent: Agent }) {
  const { admin, locale } = useI18n();
  const text = admin.hr.notices;
  return (
    <>
      {agent.status === 'departed' ? (
        <Alert tone="warning" title={text.departedTitle}>
          <p>{text.departed(agent.departedAt ? formatDateTime(agent.departedAt, locale) : agent.departureDate ? formatDate(agent.departureDate, locale) : '')}</p>
        </Alert>
      ) : null}
      {agent.status !== 'departed' && agent.departureDate ? (
        <Alert tone="warning" title={text.departureTitle}>
          <p>{text.departure(formatDate(agent.departureDate, locale))}</p>
        </Alert>
      ) : null}
      {agent.status === 'suspended' ? (
        <Alert tone="warning" title={text.suspendedTitle}>
          <p>{agent.suspendedAt ? text.suspended(formatDateTime(agent.suspendedAt, locale)) : null}</p>
          {agent.suspensionReason ? (
            <p>
              {text.reason} <span lang="fr">{agent.suspensionReason}</span>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {agent.status === 'pending' ? (
        <Alert tone="info" title={text.pendingTitle}>
          <p>{text.pending(formatDate(agent.startDate, locale))}</p>
        </Alert>
      ) : null}
      {agent.scheduledMobility ? (
        <Alert tone="info" title={text.mobilityTitle}>
          <p>
            {text.mobility(
              formatDate(agent.scheduledMobility.effectiveDate, locale),
              `${agent.scheduledMobility.department.name} (${agent.scheduledMobility.department.code})`,
            )}
          </p>
          <p>
            {text.reason} <span lang="fr">{agent.scheduledMobility.reason}</span>
          </p>
        </Alert>
      ) : null}
    </>
  );
}
