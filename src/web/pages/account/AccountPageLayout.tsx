import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePathname } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import '../../theme/account.css';

export function AccountPageLayout({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <Page title={title} lead={lead}>
      <div className="account-layout">
        <AccountNav />
        <div className="account-layout__content">{children}</div>
      </div>
    </Page>
  );
}

function AccountNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  const text = t.account.nav;
  const items = [
    { href: paths.account, label: text.overview },
    { href: paths.accountPassword, label: text.password },
    { href: paths.accountSecondFactors, label: text.secondFactors },
    { href: paths.accountSessions, label: text.sessions },
    { href: paths.accountHistory, label: text.history },
  ];
  return (
    <nav aria-label={text.label} className="account-nav">
      <ul className="account-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="account-nav__link" aria-current={pathname === item.href ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
