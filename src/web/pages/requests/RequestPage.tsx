import { Link } from 'react-aria-components';
import type { RequestDetail } from '../../../server/modules/requests/requests.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import { useMe } from '../../session/SessionProvider.tsx';
import { parisToday } from '../hr/agent-form-values.ts';
import { useRouteParameter } from '../staff-routes.ts';
import { daysUntil } from './deadline.ts';
import { Outcome, type Told, useOutcome } from './Outcome.tsx';
import { RequestActions } from './RequestActions.tsx';
import { RequestsLayout } from './RequestsLayout.tsx';
import { DeadlineCountdown, RequestStatusTag } from './RequestTags.tsx';
import { RequestTimeline } from './RequestTimeline.tsx';
import '../../theme/requests.css';

// One request, for its agent or one who decides it: what is asked, where it stands, each dated step, the
// legal deadline counted down while it waits, and what the reader may do now.
export function RequestPage() {
  const { requests } = useI18n();
  const text = requests.common.request;
  const id = useRouteParameter();
  const { resource, reload } = useApi<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`);
  const me = useMe();
  const { told, tell, focusRef } = useOutcome();

  async function settled(next: Told) {
    await reload();
    tell(next);
  }

  const request = resource.status === 'ready' ? resource.data : undefined;
  const own = request ? request.agent.badgeNumber === me.badgeNumber : true;
  const back = own ? (
    <Link href={paths.myRequests}>{text.back}</Link>
  ) : (
    <Link href={paths.inbox}>{text.backToInbox}</Link>
  );

  return (
    <RequestsLayout title={request ? request.kindLabel : text.title}>
      <p className="back-link">{back}</p>
      <Outcome told={told} focusRef={focusRef} />
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {request ? (
        <>
          <RequestFacts request={request} />
          <RequestActions request={request} onDone={(done) => void settled({ message: done })} onFailed={(failed) => void settled({ error: failed })} />
          {!own && !request.may.decide && request.status === 'pending' ? <p>{text.nothingToDo}</p> : null}
          <RequestTimeline events={request.events} />
        </>
      ) : null}
    </RequestsLayout>
  );
}

function RequestFacts({ request }: { request: RequestDetail }) {
  const { requests, locale } = useI18n();
  const text = requests.common.request;
  return (
    <>
      <p className="request-summary" lang="fr">
        {request.summary}
      </p>
      {request.status === 'pending' && request.answerDueOn ? (
        <p className="request-due">
          <DeadlineCountdown daysLeft={daysUntil(request.answerDueOn, parisToday())} dueOn={request.answerDueOn} />
        </p>
      ) : null}
      <Facts>
        <Fact label={text.agent}>
          {request.agent.firstName} {request.agent.lastName}
        </Fact>
        <Fact label={text.badge}>{request.agent.badgeNumber}</Fact>
        <Fact label={text.status}>
          <RequestStatusTag status={request.status} />
        </Fact>
        {request.step ? <Fact label={text.step}>{requests.common.step[request.step]}</Fact> : null}
        <Fact label={text.submitted}>{formatDate(request.submittedAt, locale)}</Fact>
        {request.decidedAt ? <Fact label={text.decided}>{formatDate(request.decidedAt, locale)}</Fact> : null}
        {request.decisionReason ? (
          <Fact label={text.reason} wide>
            <span className="request-reason">{request.decisionReason}</span>
          </Fact>
        ) : null}
      </Facts>
    </>
  );
}
