import { paths, returnPathFrom, withReturn } from '../router/paths.ts';
import type { SessionState } from './SessionProvider.tsx';
import type { Notice } from './notices.ts';
import { type SignInStep, stepPaths } from './sign-in-steps.ts';

/**
 * Who may see a page: anyone; only visitors who are not signed in (the sign-in form); an agent at one step of
 * the sign-in; or a fully signed-in agent.
 */
export type Access = 'public' | 'signed-out' | 'signed-in' | { step: SignInStep };

export type Redirect = { to: string; notice?: Notice };

// Where to send the visitor instead, if this page is not for them now. Partial sessions always go to
// their next step; the address they wanted travels along in ?retour=.
export function redirectFor(access: Access, state: SessionState, pathname: string, search: string): Redirect | undefined {
  if (access === 'public' || state.status === 'loading' || state.status === 'failed') return undefined;
  const stage = state.status === 'signed-in' ? state.me.session.stage : 'signed-out';
  const here = pathname + (search ? `?${search}` : '');

  if (access === 'signed-in') {
    if (stage === 'signed-out') return { to: withReturn(paths.signIn, here), notice: 'signInRequired' };
    if (stage !== 'done') return { to: withReturn(stepPaths[stage], here) };
    return undefined;
  }

  const returnTo = returnPathFrom(search);
  const expected = access === 'signed-out' ? 'signed-out' : access.step;
  if (stage === expected) return undefined;
  if (stage === 'signed-out') return { to: withReturn(paths.signIn, returnTo) };
  if (stage === 'done') return { to: returnTo ?? paths.home };
  return { to: withReturn(stepPaths[stage], returnTo) };
}
