import type { ReactNode } from 'react';
import { AreaNav, type AreaNavItem } from '../../components/AreaNav.tsx';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/account.css';
import '../../theme/forms.css';
import '../../theme/staff.css';

// Every page of requests and approvals: their tabs (mine, each kind, what awaits me), then the page.
export function RequestsLayout({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const tabs = t.requests.tabs;
  const items: AreaNavItem[] = [
    { href: paths.myRequests, label: tabs.mine, includes: paths.myRequests },
    { href: paths.leave, label: tabs.leave, includes: paths.leave },
    { href: paths.telework, label: tabs.telework },
    { href: paths.mobility, label: tabs.mobility, includes: paths.mobility },
    { href: paths.training, label: tabs.training, includes: paths.training },
    { href: paths.inbox, label: tabs.inbox, includes: paths.inbox },
  ];
  return (
    <Page title={title} lead={lead}>
      <AreaNav label={t.requests.navLabel} items={items} />
      <div className="staff-content">{children}</div>
    </Page>
  );
}
