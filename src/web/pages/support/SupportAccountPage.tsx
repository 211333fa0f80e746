import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import type { AccountCardResponse } from '../../../server/modules/support-console/support-console.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { AccountStatusTag, LockedTag } from '../../components/AccountStatusTag.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { useRouteParameter } from '../staff-routes.ts';
import { ConnectionHistory } from './ConnectionHistory.tsx';
import { SupportActions } from './SupportActions.tsx';

export function SupportAccountPage() {
  const { admin, locale } = useI18n();
  const text = admin.support.card;
  const badgeNumber = useRouteParameter();
  const { resource, reload } = useApi<AccountCardResponse>(`/api/support/accounts/${encodeURIComponent(badgeNumber)}`);
  const [outcome, setOutcome] = useState<ReactNode>();
  // Each action adds a line to the history: it is read again after one.
  const [actions, setActions] = useState(0);
  const outcomeRef = useRef<HTMLDivElement>(null);

  if (resource.status !== 'ready') {
    return (
      <StaffLayout area="support" title={text.title(badgeNumber)}>
        <BackLink />
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
      </StaffLayout>
    );
  }
  const card = resource.data;
  const { agent } = card;
  return (
    <StaffLayout
      area="support"
      title={`${agent.firstName} ${agent.lastName}`}
      lead={
        <span className="agent-lead">
          {admin.hr.agent.badge(agent.badgeNumber)} <AccountStatusTag status={agent.status} /> {card.account?.locked ? <LockedTag /> : null}
        </span>
      }
    >
      <BackLink />
      <div ref={outcomeRef} tabIndex={-1} className="focus-target">
        {outcome}
      </div>
      <p className="visible-because" lang="fr">
        {card.visibleBecause}
      </p>
      {card.openSecurityAlerts && card.openSecurityAlerts.length > 0 ? (
        <Alert tone="warning" title={text.openAlerts(card.openSecurityAlerts.length)}>
          <ul className="alert__list">
            {card.openSecurityAlerts.map((alert) => (
              <li key={alert.id}>
                {admin.support.alerts.kinds[alert.kind as keyof typeof admin.support.alerts.kinds] ?? alert.kind} · {formatDateTime(alert.createdAt, locale)} ·{' '}
                {alert.ip}
              </li>
            ))}
          </ul>
          <p>
            <Link href={paths.supportAlerts}>{admin.support.search.seeAlerts}</Link>
          </p>
        </Alert>
      ) : null}
      <SupportActions
        card={card}
        onDone={async (result) => {
          await reload();
          setOutcome(result);
          setActions((count) => count + 1);
          window.requestAnimationFrame(() => outcomeRef.current?.focus());
        }}
      />
      <AgentSection card={card} />
      <AccountSection card={card} />
      <FactorsSection card={card} />
      <SessionsSection card={card} />
      {card.actions.viewConnections.allowed ? <ConnectionHistory key={actions} badgeNumber={agent.badgeNumber} /> : null}
    </StaffLayout>
  );
}

function BackLink() {
  const { admin } = useI18n();
  return (
    <p className="back-link">
      <Link href={paths.supportAccounts}>
        <span aria-hidden="true">← </span>
        {admin.support.card.back}
      </Link>
    </p>
  );
}

type CardProps = { card: AccountCardResponse };

function AgentSection({ card }: CardProps) {
  const { admin, locale } = useI18n();
  const text = admin.support.card;
  const { agent } = card;
  return (
    <section aria-labelledby="agent-title" className="staff-section">
      <h2 id="agent-title">{text.agentTitle}</h2>
      <Facts>
        <Fact label={text.email} wide>
          {agent.email}
        </Fact>
        <Fact label={text.phone}>{agent.professionalPhone ?? text.none}</Fact>
        <Fact label={text.department} wide>
          <span lang="fr">
            {agent.department.name} ({agent.department.code}){agent.service ? ` · ${agent.service.name}` : ''}
            {agent.unit ? ` · ${agent.unit}` : ''}
          </span>
        </Fact>
        <Fact label={text.job}>
          <span lang="fr">
            {agent.jobTitle}
            {agent.jobProfile !== agent.jobTitle ? <span className="fact-detail">{agent.jobProfile}</span> : null}
          </span>
        </Fact>
        <Fact label={text.manager}>
          {agent.manager ? (
            <>
              {agent.manager.firstName} {agent.manager.lastName} ({agent.manager.badgeNumber})
              <span className="fact-detail">{agent.manager.email}</span>
            </>
          ) : (
            text.none
          )}
        </Fact>
        <Fact label={text.dates}>
          {text.since(formatDate(agent.startDate, locale))}
          {agent.departureDate ? <span className="fact-detail">{text.leaves(formatDate(agent.departureDate, locale))}</span> : null}
        </Fact>
      </Facts>
    </section>
  );
}

function AccountSection({ card }: CardProps) {
  const { admin, locale } = useI18n();
  const text = admin.support.card;
  const { account } = card;
  return (
    <section aria-labelledby="account-title" className="staff-section">
      <h2 id="account-title">{text.accountTitle}</h2>
      {!account ? (
        <p>{text.noAccount}</p>
      ) : (
        <>
          {account.locked && account.lockedUntil ? (
            <Alert tone="warning" title={text.lockedTitle}>
              <p>{text.lockedText(formatDateTime(account.lockedUntil, locale), account.failedAttempts)}</p>
            </Alert>
          ) : null}
          <Facts>
            <Fact label={text.password}>
              {account.passwordTemporary ? text.passwordTemporary : account.passwordExpired ? text.passwordExpired : text.passwordOk}
              {account.passwordChangedAt ? <span className="fact-detail">{text.passwordChanged(formatDateTime(account.passwordChangedAt, locale))}</span> : null}
              {account.passwordExpiresAt ? <span className="fact-detail">{text.passwordExpires(formatDate(account.passwordExpiresAt, locale))}</span> : null}
            </Fact>
            <Fact label={text.failedAttempts}>{account.failedAttempts}</Fact>
            <Fact label={text.lockout}>{account.locked && account.lockedUntil ? text.lockedUntil(formatDateTime(account.lockedUntil, locale)) : text.notLocked}</Fact>
            {account.enrolmentCodeExpiresAt ? <Fact label={text.enrolmentCode}>{text.validUntil(formatDateTime(account.enrolmentCodeExpiresAt, locale))}</Fact> : null}
          </Facts>
        </>
      )}
    </section>
  );
}

function FactorsSection({ card }: CardProps) {
  const { admin, locale } = useI18n();
  const text = admin.support.card;
  const factors = card.secondFactors;
  return (
    <section aria-labelledby="factors-title" className="staff-section">
      <h2 id="factors-title">{text.factorsTitle}</h2>
      <p>{factors.requiredOutside ? (factors.requiredInside ? text.requiredEverywhere : text.requiredOutside) : text.notRequired}</p>
      {factors.items.length === 0 ? (
        <p className="muted">{text.noFactor}</p>
      ) : (
        <ul className="item-cards">
          {factors.items.map((factor) => (
            <li key={factor.id} className="item-card">
              <div className="item-card__main">
                <p className="item-card__title">
                  {text.factorKinds[factor.kind as keyof typeof text.factorKinds] ?? factor.kind} – {factor.label}
                </p>
                <p className="item-card__subtitle">
                  {text.factorAdded(formatDate(factor.createdAt, locale))}
                  {factor.lastUsedAt ? ` · ${text.factorUsed(formatDateTime(factor.lastUsedAt, locale))}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>{text.recoveryCodes(factors.recoveryCodesLeft)}</p>
    </section>
  );
}

function SessionsSection({ card }: CardProps) {
  const { t, admin, locale } = useI18n();
  const text = admin.support.card;
  if (!card.sessions) return null;
  return (
    <section aria-labelledby="sessions-title" className="staff-section">
      <h2 id="sessions-title">{text.sessionsTitle(card.sessions.count)}</h2>
      {card.sessions.items.length === 0 ? (
        <p className="muted">{text.noSession}</p>
      ) : (
        <ul className="item-cards">
          {card.sessions.items.map((session) => (
            <li key={`${session.startedAt}${session.ip}`} className="item-card">
              <div className="item-card__main">
                <p className="item-card__title">{session.deviceLabel}</p>
                <dl className="item-card__facts">
                  <div>
                    <dt>{text.network}</dt>
                    <dd>
                      {session.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork} ({session.ip})
                    </dd>
                  </div>
                  <div>
                    <dt>{text.started}</dt>
                    <dd>{formatDateTime(session.startedAt, locale)}</dd>
                  </div>
                  <div>
                    <dt>{text.lastSeen}</dt>
                    <dd>{formatDateTime(session.lastSeenAt, locale)}</dd>
                  </div>
                </dl>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
