import { useState } from 'react';
import { Link } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { PendingButton } from './PendingButton.tsx';

// Who is signed in, and the way out; or the way in.
export function UserArea() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const pathname = usePathname();
  const [leaving, setLeaving] = useState(false);

  if (state.status === 'signed-out') {
    if (pathname === paths.signIn) return null;
    return (
      <Link href={paths.signIn} className="button button--primary button--small">
        {t.layout.signIn}
      </Link>
    );
  }
  if (state.status !== 'signed-in') return null;
  const { me } = state;
  const done = me.session.stage === 'done';

  return (
    <div className="user-area">
      {done ? (
        <Link href={paths.account} className="user-area__name" aria-label={t.layout.accountOf(`${me.firstName} ${me.lastName}`)}>
          {me.firstName} {me.lastName}
        </Link>
      ) : null}
      <PendingButton
        className="button button--secondary button--small"
        pending={leaving}
        onPress={() => {
          setLeaving(true);
          void signOut();
        }}
      >
        {done ? t.layout.signOut : t.layout.cancelSignIn}
      </PendingButton>
    </div>
  );
}
