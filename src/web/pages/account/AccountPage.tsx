import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import type { z } from 'zod';
import type { SecondFactorListResponse } from '../../../server/modules/identity/second-factor.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { PasswordExpiryBanner } from '../../components/PasswordExpiryBanner.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import { useMe } from '../../session/SessionProvider.tsx';
import { AccountPageLayout } from './AccountPageLayout.tsx';

type FactorList = z.infer<typeof SecondFactorListResponse>;
const recordsLanguage = 'fr';

export function AccountPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const text = t.account.overview;
  const { resource: factors } = useApi<FactorList>('/api/me/second-factors');

  const factorSummary =
    factors.status !== 'ready'
      ? undefined
      : factors.data.items.length === 0
        ? text.noFactor
        : text.factors(factors.data.items.length, factors.data.recoveryCodesLeft);

  return (
    <AccountPageLayout title={text.title} lead={text.lead}>
      <PasswordExpiryBanner me={me} />

      <section aria-labelledby="identity-title">
        <h2 id="identity-title">{text.identityTitle}</h2>
        <dl className="facts">
          <Fact label={text.name}>
            {me.firstName} {me.lastName}
          </Fact>
          <Fact label={text.badgeNumber}>{me.badgeNumber}</Fact>
          <Fact label={text.email}>{me.email}</Fact>
          <Fact label={text.department}>
            <span lang={recordsLanguage}>{me.department.name}</span> ({me.department.code})
          </Fact>
          <Fact label={text.jobProfile}>
            <span lang={recordsLanguage}>{me.jobProfile.name}</span>
          </Fact>
          <Fact label={text.jobTitle}>
            <span lang={recordsLanguage}>{me.jobTitle}</span>
          </Fact>
        </dl>
        <p className="muted">{text.identityHint}</p>
      </section>

      <section aria-labelledby="security-title">
        <h2 id="security-title">{text.securityTitle}</h2>
        <p>{me.session.networkZone === 'internal' ? text.sessionInside : text.sessionOutside}</p>
        <ul className="link-cards">
          <li className="link-cards__item">
            <Link href={paths.accountPassword} className="link-cards__link">
              {text.passwordLink}
            </Link>
            <p className="link-cards__hint">
              {me.password.expiresAt ? text.passwordExpires(formatDate(me.password.expiresAt, locale)) : text.passwordNoExpiry}
            </p>
          </li>
          <li className="link-cards__item">
            <Link href={paths.accountSecondFactors} className="link-cards__link">
              {text.secondFactorsLink}
            </Link>
            <p className="link-cards__hint">{factorSummary ?? t.status.loading}</p>
          </li>
          <li className="link-cards__item">
            <Link href={paths.accountSessions} className="link-cards__link">
              {text.sessionsLink}
            </Link>
            <p className="link-cards__hint">{text.sessionsHint}</p>
          </li>
          <li className="link-cards__item">
            <Link href={paths.accountHistory} className="link-cards__link">
              {text.historyLink}
            </Link>
            <p className="link-cards__hint">{text.historyHint}</p>
          </li>
        </ul>
      </section>
    </AccountPageLayout>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
