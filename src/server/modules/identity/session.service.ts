import type { AppContext } from '../../app-context.ts';
import type { ClientInfo } from '../../http/client.ts';
import { hashToken, randomToken } from '../../security/keys.ts';
import { recordConnectionEvent } from './connection-history.repo.ts';
import * as repo from './session.repo.ts';
import type { SessionStage } from './session.repo.ts';

export type { SessionStage };

export type Session = {
  idHash: string;
  agentId: string;
  stage: SessionStage;
  amr: string[];
  zone: 'internal' | 'external';
  createdAt: Date;
  lastSeenAt: Date;
  authenticatedAt: Date;
  expiresAt: Date;
  idleExpiresAt: Date;
  webauthnChallenge: string | null;
  mayEnrolWithoutNetwork: boolean;
};

// Writing last_seen_at on every request would make each page view a write; a minute's precision is enough
// for a 30-minute idle timeout.
const TOUCH_EVERY_MS = 60_000;

type SessionInput = { agentId: string; stage: SessionStage; amr: string[]; client: ClientInfo; mayEnrolWithoutNetwork: boolean };

// A new session's cookie token and the row to store (only the token's hash).
export function newSession(ctx: AppContext, input: SessionInput) {
  const token = randomToken();
  const idHash = hashToken(token);
  const at = ctx.clock.now();
  const row = repo.sessionRow({
    idHash,
    agentId: input.agentId,
    stage: input.stage,
    amr: input.amr,
    zone: input.client.zone,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
    deviceLabel: input.client.deviceLabel,
    at,
    expiresAt: new Date(at.getTime() + ctx.config.auth.sessionAbsoluteMs),
    mayEnrolWithoutNetwork: input.mayEnrolWithoutNetwork,
  });
  return { token, idHash, row };
}

// Finds the session behind a cookie, ending it if it is idle or past its absolute lifetime.
// `touch: false` reads the session without counting as activity: a live stream the browser keeps open must not
// keep an idle session alive forever.
export async function resolveSession(
  ctx: AppContext,
  token: string,
  clientOfRequest: () => ClientInfo,
  options: { touch?: boolean } = {},
): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return resolveSessionById(ctx, hashToken(token), clientOfRequest, options);
}

// The same, from the stored id: the OpenID Connect provider keeps it with each grant, without the cookie.
export async function resolveSessionById(
  ctx: AppContext,
  idHash: string,
  clientOfRequest: () => ClientInfo,
  options: { touch?: boolean } = {},
): Promise<Session | undefined> {
  const row = await repo.findSessionWithAgent(ctx.db, idHash);
  if (!row) return undefined;
  const now = ctx.clock.now();
  const idleExpiresAt = new Date(row.last_seen_at.getTime() + ctx.config.auth.sessionIdleMs);
  if (row.agent_status !== 'active') {
    await repo.deleteSession(ctx.db, idHash);
    return undefined;
  }
  if (now >= row.expires_at || now >= idleExpiresAt) {
    if (await repo.deleteSession(ctx.db, idHash)) {
      await recordConnectionEvent(ctx.db, {
        agentId: row.agent_id,
        kind: 'session_expired',
        result: 'info',
        at: now,
        client: clientOfRequest(),
        detail: now >= row.expires_at ? 'absolute' : 'idle',
      });
    }
    return undefined;
  }
  let lastSeenAt = row.last_seen_at;
  if (options.touch !== false && now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await repo.touchSession(ctx.db, idHash, now);
    lastSeenAt = now;
  }
  return {
    idHash,
    agentId: row.agent_id,
    stage: row.stage as SessionStage,
    amr: row.amr,
    zone: row.network_zone as 'internal' | 'external',
    createdAt: row.created_at,
    lastSeenAt,
    authenticatedAt: row.authenticated_at,
    expiresAt: row.expires_at,
    idleExpiresAt: new Date(lastSeenAt.getTime() + ctx.config.auth.sessionIdleMs),
    webauthnChallenge: row.webauthn_challenge,
    mayEnrolWithoutNetwork: row.may_enrol_without_network,
  };
}

// A new id at each privilege step (second factor passed, password changed) defeats session fixation.
export async function advanceSession(
  ctx: AppContext,
  session: Session,
  change: { stage: SessionStage; addAmr?: string; reauthenticated?: boolean },
): Promise<{ token: string; idHash: string }> {
  const token = randomToken();
  const idHash = hashToken(token);
  const now = ctx.clock.now();
  const amr = change.addAmr && !session.amr.includes(change.addAmr) ? [...session.amr, change.addAmr] : session.amr;
  await repo.updateSession(ctx.db, session.idHash, {
    id_hash: idHash,
    stage: change.stage,
    amr,
    last_seen_at: now,
    webauthn_challenge: null,
    ...(change.reauthenticated ? { authenticated_at: now } : {}),
  });
  session.idHash = idHash;
  session.stage = change.stage;
  session.amr = amr;
  return { token, idHash };
}

export async function markReauthenticated(ctx: AppContext, session: Session): Promise<void> {
  const now = ctx.clock.now();
  await repo.updateSession(ctx.db, session.idHash, { authenticated_at: now });
  session.authenticatedAt = now;
}

export const RECENT_AUTHENTICATION_MS = 5 * 60_000;

export function isRecentlyAuthenticated(ctx: AppContext, session: Session): boolean {
  return ctx.clock.now().getTime() - session.authenticatedAt.getTime() <= RECENT_AUTHENTICATION_MS;
}

// Signing out: the session ends on the server and the connection history says so.
export async function signOutSession(ctx: AppContext, session: Pick<Session, 'idHash' | 'agentId'>, client: ClientInfo): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, session.idHash);
    await recordConnectionEvent(trx, { agentId: session.agentId, kind: 'logout', result: 'info', at: ctx.clock.now(), client });
  });
}

export async function keepAlive(ctx: AppContext, session: Session): Promise<void> {
  await repo.touchSession(ctx.db, session.idHash, ctx.clock.now());
}

export { deleteSession, deleteSessionsOfAgent, listSessionsOfAgent } from './session.repo.ts';
