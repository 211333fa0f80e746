import { Link } from 'react-aria-components';
import { usePortalResource } from '../api/PortalProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { paths } from '../router/paths.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MainNav } from './MainNav.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserArea } from './UserArea.tsx';

export function Header() {
  const { t } = useI18n();
  const portal = usePortalResource();
  const org = portal.status === 'ready' ? portal.data : undefined;
  const { state } = useSession();
  // Only once signed in all the way: the stream refuses a session that still owes a sign-in step.
  const signedIn = state.status === 'signed-in' && state.me.session.stage === 'done';

  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link href={paths.home} className="brand">
          {org ? <img className="brand__logo" src={org.logoUrl} alt="" width={48} height={48} /> : null}
          <span className="brand__text">
            {org ? <span className="brand__org">{org.name}</span> : null}
            <span className="brand__product">
              {t.meta.productName} · {t.layout.tagline}
            </span>
          </span>
        </Link>
        <div className="site-header__tools">
          <UserArea />
          {signedIn ? <NotificationBell /> : null}
          <LanguageSwitch />
        </div>
      </div>
      <MainNav />
    </header>
  );
}
