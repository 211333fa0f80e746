import { Link } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { myPapersPrefixes } from '../pages/my-papers/my-papers-paths.ts';
import { requestsPrefixes } from '../pages/requests/requests-paths.ts';
import { type NavItem, staffNavItems } from '../pages/staff-areas.ts';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useSession } from '../session/SessionProvider.tsx';

export function MainNav() {
  const { t, admin } = useI18n();
  const pathname = usePathname();
  const { state } = useSession();
  const signedIn = state.status === 'signed-in' && state.me.session.stage === 'done';
  const items: NavItem[] = [
    { href: paths.home, label: t.nav.home },
    ...(signedIn
      ? [{ href: paths.account, label: t.nav.account }, { href: paths.myRequests, label: t.nav.requests, areas: requestsPrefixes },
          { href: paths.myFile, label: t.nav.papers, areas: myPapersPrefixes }, ...staffNavItems(state.me.roles, admin.nav)]
      : []),
    { href: paths.apiReference, label: t.nav.apiReference },
    { href: paths.accessibility, label: t.nav.accessibility },
  ];

  return (
    <nav aria-label={t.layout.mainNavigation} className="main-nav">
      <ul className="container main-nav__list">
        {items.map((item) => {
          const inside = (item.areas ?? [item.area ?? item.href]).some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
          const current = pathname === item.href ? 'page' : item.href !== paths.home && inside ? 'true' : undefined;
          return (
            <li key={item.href}>
              <Link href={item.href} className="main-nav__link" aria-current={current}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
