import { type ReactNode, useLayoutEffect } from 'react';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { navigate, usePathname, useSearch } from '../router/history.ts';
import { useSession } from './SessionProvider.tsx';
import { type Access, redirectFor } from './access.ts';
import { noticeState } from './notices.ts';

// Shows the page if it is for the visitor in their current state, or sends them where they should be.
// It is also what moves an agent through the sign-in: each step refreshes the session, and the step's page
// is no longer for them.
export function RouteGuard({ access, children }: { access: Access; children: ReactNode }) {
  const { state } = useSession();
  const pathname = usePathname();
  const search = useSearch();
  const redirect = redirectFor(access, state, pathname, search);

  useLayoutEffect(() => {
    if (redirect) navigate(redirect.to, { replace: true, state: redirect.notice ? noticeState(redirect.notice) : null });
  }, [redirect?.to, redirect?.notice]);

  if (state.status === 'loading' || state.status === 'failed') return <StatusMessage status={state.status} />;
  if (redirect) return null;
  return children;
}
