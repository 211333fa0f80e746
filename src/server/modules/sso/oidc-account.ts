import type { Account, AccountClaims, FindAccountToken, KoaContextWithOIDC } from 'oidc-provider';
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { applicationAccess, ruleOf, visitorOf } from '../applications/index.ts';
import { resolveSessionById } from '../identity/index.ts';
import { clientInfoOf } from './request-bridge.ts';
import { findGrantLink } from './sso-grants.repo.ts';

/** What the apps learn of the agent, by scope: see `claimsByScope` in the provider's configuration. */
export async function agentClaims(db: Db, agentId: string): Promise<AccountClaims | undefined> {
  const agent = await db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('job_profiles as j', 'j.id', 'a.job_profile_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .select(['a.badge_number', 'a.first_name', 'a.last_name', 'a.email', 'a.status', 'd.code as department', 's.code as service', 'j.code as job_profile'])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
  if (!agent || agent.status !== 'active') return undefined;
  const roles = await db.selectFrom('role_assignments').select('role').distinct().where('agent_id', '=', agentId).orderBy('role').execute();
  return {
    sub: agentId,
    badge_number: agent.badge_number,
    given_name: agent.first_name,
    family_name: agent.last_name,
    name: `${agent.first_name} ${agent.last_name}`,
    email: agent.email,
    email_verified: true,
    department: agent.department,
    service: agent.service,
    job_profile: agent.job_profile,
    roles: roles.map((row) => row.role),
  };
}

// The SSO session is the portal session: a token is good only while the session its grant was given in
// is, and while the application's rule still lets the agent in (a move to another department, an app
// closed to outside access). Using a token counts as activity, as it would in the app's own pages.
async function grantStillHolds(ctx: AppContext, koa: KoaContextWithOIDC, agentId: string, grantId: string): Promise<boolean> {
  const link = await findGrantLink(ctx.db, grantId);
  if (!link?.session_id_hash || link.agent_id !== agentId) return false;
  const session = await resolveSessionById(ctx, link.session_id_hash, () => clientInfoOf(ctx, koa.req, link.client_id));
  if (!session || session.stage !== 'active' || session.agentId !== agentId) return false;
  const visitor = await visitorOf(ctx.db, session);
  return visitor !== undefined && applicationAccess(ruleOf(link), visitor).outcome === 'allowed';
}

async function isActiveAgent(db: Db, agentId: string): Promise<boolean> {
  const agent = await db.selectFrom('agents').select('status').where('id', '=', agentId).executeTakeFirst();
  return agent?.status === 'active';
}

export function findAccountFor(ctx: AppContext) {
  return async (koa: KoaContextWithOIDC, sub: string, token: FindAccountToken): Promise<Account | undefined> => {
    if (token?.grantId ? !(await grantStillHolds(ctx, koa, sub, token.grantId)) : !(await isActiveAgent(ctx.db, sub))) return undefined;
    return {
      accountId: sub,
      // An ID token carries the openid scope's claims only (conformIdTokenClaims; acr, amr and auth_time come
      // from the sign-in): the agent's record is read for userinfo alone, not at every refresh.
      claims: async (use) => (use === 'id_token' ? { sub } : ((await agentClaims(ctx.db, sub)) ?? { sub })),
    };
  };
}
