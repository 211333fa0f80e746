import type { AppContext } from '../../app-context.ts';

// Pages of the web app (src/web/router/paths.ts) the gateway sends a browser to, with the address to come back to.
const signInPage = '/connexion';
const stepUpPage = '/connexion/verification-renforcee';
export const HANDOFF_PATH = '/api/gateway/handoff';
export const CALLBACK_PATH = '/.nomades/callback';

const withReturn = (page: string, returnTo: string) => `${page}?${new URLSearchParams({ retour: returnTo })}`;

/** Passes the portal's session to an app's own host name, then back to `returnPath` there. */
export const handoffPath = (slug: string, returnPath: string) => `${HANDOFF_PATH}?${new URLSearchParams({ app: slug, retour: returnPath })}`;

type Target = { slug: string; onAppHost: boolean; returnPath: string };

// On the portal's host a path is enough; from an app's own host the browser goes to the portal, and through the
// hand-off back to the app.
export function signInLocation(ctx: AppContext, target: Target): string {
  if (!target.onAppHost) return withReturn(signInPage, target.returnPath);
  return `${ctx.config.publicUrl}${handoffPath(target.slug, target.returnPath)}`;
}

export function stepUpLocation(ctx: AppContext, target: Target): string {
  if (!target.onAppHost) return withReturn(stepUpPage, target.returnPath);
  return `${ctx.config.publicUrl}${withReturn(stepUpPage, handoffPath(target.slug, target.returnPath))}`;
}

export const portalSignIn = (returnTo: string) => withReturn(signInPage, returnTo);
export const portalStepUp = (returnTo: string) => withReturn(stepUpPage, returnTo);
