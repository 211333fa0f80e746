import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { MeResponse } from '../../server/modules/identity/sign-in.schema.ts';
import { api, isApiError, onSessionEvent } from '../api/api-client.ts';
import { currentLocation, navigate } from '../router/history.ts';
import { paths, returnPathFrom, safeReturnPath, withReturn } from '../router/paths.ts';
import { IdleTimeoutWatcher } from './IdleTimeoutWatcher.tsx';
import { type Notice, noticeState } from './notices.ts';
import { rememberMethods } from './sign-in-steps.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: MeResponse };

type SessionContextValue = {
  state: SessionState;
  /** Reads GET /api/me again: after each sign-in step, the page guard then moves the agent on. */
  refresh(): Promise<MeResponse | undefined>;
  /** Ends the session on the server and shows the sign-in page. */
  signOut(): Promise<void>;
  /** The server already ended the session (expiry, "it wasn't me"): shows the sign-in page with why. */
  sessionEnded(notice: Notice, options?: { comeBack?: boolean }): void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<MeResponse>('/api/me', { anonymous: true });
      setState({ status: 'signed-in', me });
      return me;
    } catch (error) {
      // Without an answer the app cannot tell who is signed in: every page says so, a reload tries again.
      setState(isApiError(error) && error.status === 401 ? { status: 'signed-out' } : { status: 'failed' });
      return undefined;
    }
  }, []);

  const sessionEnded = useCallback((notice: Notice, options: { comeBack?: boolean } = {}) => {
    // Several calls can fail together: the first one leads to the sign-in page, the others find it done.
    stateRef.current = { status: 'signed-out' };
    rememberMethods(undefined);
    // On a sign-in step, the page the agent was going to is in its ?retour=.
    const here = safeReturnPath(currentLocation()) ?? returnPathFrom(window.location.search);
    navigate(withReturn(paths.signIn, options.comeBack ? here : undefined), { state: noticeState(notice) });
    setState({ status: 'signed-out' });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { anonymous: true });
    } catch {
      // Already ended on the server (expired) or unreachable: the browser forgets it all the same.
    }
    sessionEnded('signedOut');
  }, [sessionEnded]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event === 'incomplete') void refresh();
        else if (stateRef.current.status === 'signed-in') sessionEnded('expired', { comeBack: true });
      }),
    [refresh, sessionEnded],
  );

  const value = useMemo(() => ({ state, refresh, signOut, sessionEnded }), [state, refresh, signOut, sessionEnded]);
  const idleTimeoutSeconds = state.status === 'signed-in' ? state.me.session.idleTimeoutSeconds : undefined;

  return (
    <SessionContext value={value}>
      {children}
      {idleTimeoutSeconds ? <IdleTimeoutWatcher idleTimeoutSeconds={idleTimeoutSeconds} /> : null}
    </SessionContext>
  );
}

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be called inside <SessionProvider>');
  return session;
}

/** The signed-in agent, for pages that are only rendered for them (see RouteGuard). */
export function useMe(): MeResponse {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe() needs a signed-in agent');
  return state.me;
}
