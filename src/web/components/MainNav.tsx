import { Link } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';

export function MainNav() {
  const { t } = useI18n();
  const pathname = usePathname();
  const items = [
    { href: paths.home, label: t.nav.home },
    { href: paths.apiReference, label: t.nav.apiReference },
    { href: paths.accessibility, label: t.nav.accessibility },
  ];

  return (
    <nav aria-label={t.layout.mainNavigation} className="main-nav">
      <ul className="container main-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="main-nav__link"
              aria-current={pathname === item.href ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
