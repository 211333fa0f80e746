import { Link } from 'react-aria-components';
import { usePortalResource } from '../api/PortalProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { paths } from '../router/paths.ts';

export function Footer() {
  const { t } = useI18n();
  const portal = usePortalResource();
  // The demo mailbox exists only where nothing is really sent.
  const demoMailbox = portal.status === 'ready' && portal.data.demoMailbox;

  return (
    <footer className="site-footer">
      <div className="container site-footer__content">
        <nav aria-label={t.layout.footerNavigation}>
          <ul className="site-footer__links">
            <li>
              <Link href={paths.accessibility}>{t.layout.accessibilityStatus}</Link>
            </li>
            <li>
              <Link href={paths.serviceStatus}>{t.layout.serviceStatus}</Link>
            </li>
            <li>
              <Link href={paths.apiReference}>{t.nav.apiReference}</Link>
            </li>
            {demoMailbox ? (
              <li>
                <Link href={paths.devOutbox}>{t.devOutbox.title}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <p className="site-footer__meta">
          {portal.status === 'ready' ? <span>{t.layout.version(portal.data.version)}</span> : null}
          <span>{t.layout.licence}</span>
        </p>
      </div>
    </footer>
  );
}
