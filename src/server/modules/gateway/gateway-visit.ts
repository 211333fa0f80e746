import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { applicationAccess, type Visitor } from '../applications/application-access.ts';
import { visitorOf } from '../applications/visitor.ts';
import { resolveSession, type Session } from '../identity/session.service.ts';
import { agentIdentity } from './gateway.repo.ts';
import type { AgentIdentity } from './identity-headers.ts';
import type { PublishedApp } from './published-apps.ts';

/** On an app's own host name, the portal's session cookie is not sent: this one stands for it there. */
export const APP_HOST_COOKIE = '__Host-nomades-app';
const sealedLabel = 'app-session';

export function sealAppHostCookie(ctx: AppContext, slug: string, sessionToken: string): string {
  return ctx.keys.encrypt('gateway-signature', [sealedLabel, slug, sessionToken].join('\n'));
}

function unsealAppHostCookie(ctx: AppContext, slug: string, sealed: string): string | undefined {
  try {
    const [label, sealedSlug, token] = ctx.keys.decrypt('gateway-signature', sealed).split('\n');
    return label === sealedLabel && sealedSlug === slug ? token : undefined;
  } catch {
    return undefined;
  }
}

/** The portal session a request carries for this app: the portal's cookie, or the app host's sealed copy. */
export function sessionTokenOf(ctx: AppContext, cookies: Record<string, string | undefined>, app: PublishedApp): string | undefined {
  const sealed = cookies[APP_HOST_COOKIE];
  return (sealed ? unsealAppHostCookie(ctx, app.slug, sealed) : undefined) ?? cookies[SESSION_COOKIE];
}

type Known = { visitor: Visitor; identity: Omit<AgentIdentity, 'amr'>; until: number };

// Who the agent is (department, profile, roles, names) changes rarely, and every image of a page would ask
// again: kept a few seconds per session. The session itself is read every time, so an ended session or a
// departed agent is refused at once; a new role or department applies within this delay.
const KNOWN_FOR_MS = 10_000;
const KNOWN_MAX = 10_000;
const known = new WeakMap<AppContext, Map<string, Known>>();

async function knownAgent(ctx: AppContext, session: Session): Promise<Known | undefined> {
  let cache = known.get(ctx);
  if (!cache) {
    cache = new Map();
    known.set(ctx, cache);
  }
  const now = performance.now();
  const hit = cache.get(session.idHash);
  if (hit && hit.until > now) return hit;
  const visitor = await visitorOf(ctx.db, session);
  const agent = visitor ? await agentIdentity(ctx.db, session.agentId) : undefined;
  if (!visitor || !agent) return undefined;
  const entry: Known = {
    visitor,
    identity: {
      agentId: session.agentId,
      badgeNumber: agent.badge_number,
      email: agent.email,
      name: `${agent.first_name} ${agent.last_name}`,
      departmentCode: agent.department_code,
      roles: visitor.roles,
    },
    until: now + KNOWN_FOR_MS,
  };
  cache.delete(session.idHash);
  if (cache.size >= KNOWN_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(session.idHash, entry);
  return entry;
}

export type Visit =
  | { outcome: 'signed_out' }
  | { outcome: 'denied' | 'step_up'; reason: string; agentId: string; zone: 'internal' | 'external' }
  | { outcome: 'allowed'; agentId: string; zone: 'internal' | 'external'; identity: AgentIdentity };

/** The one access rule of the app (src/server/modules/applications), for the agent behind this request. */
export async function visitOf(ctx: AppContext, request: FastifyRequest, app: PublishedApp, token: string | undefined): Promise<Visit> {
  const session = token ? await resolveSession(ctx, token, () => clientOf(ctx, request)) : undefined;
  // A sign-in still owing a step is no sign-in yet: the portal takes the agent through it.
  if (!session || session.stage !== 'active') return { outcome: 'signed_out' };
  const agent = await knownAgent(ctx, session);
  if (!agent) return { outcome: 'signed_out' };
  const base = { agentId: session.agentId, zone: agent.visitor.zone };
  const answer = applicationAccess(app.rule, agent.visitor);
  if (answer.outcome !== 'allowed') return { ...answer, ...base };
  return { outcome: 'allowed', ...base, identity: { ...agent.identity, amr: session.amr } };
}
