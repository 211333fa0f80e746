import { Link } from 'react-aria-components';
import type { AccountCardResponse } from '../../../server/modules/support-console/support-console.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { AccountStatusTag, LockedTag } from '../../components/AccountStatusTag.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useHelpdeskText } from '../help/helpdesk-text.ts';
import { staffPaths } from '../staff-paths.ts';

// The agent's account as the support console shows it, next to the ticket: most tickets are about signing in.
export function TicketAccountState({ badgeNumber }: { badgeNumber: string }) {
  const text = useHelpdeskText().support;
  const { resource } = useApi<AccountCardResponse>(`/api/support/accounts/${encodeURIComponent(badgeNumber)}`);
  return (
    <section aria-labelledby="account-state-title">
      <h2 id="account-state-title">{text.account}</h2>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <p>
          <AccountStatusTag status={resource.data.agent.status} /> {resource.data.account?.locked ? <LockedTag /> : null}
        </p>
      ) : null}
      <p>
        <Link href={staffPaths.supportAccount(badgeNumber)}>{text.accountLink}</Link>
      </p>
    </section>
  );
}
