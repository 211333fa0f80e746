import type { FastifyRequest } from 'fastify';
import type { Interaction, InteractionResults, Provider } from 'oidc-provider';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { type AccessAnswer, applicationAccess, recordApplicationAccess, ruleOf, visitorOf } from '../applications/index.ts';
import { resolveSession, type Session } from '../identity/index.ts';
import { ACR_PASSWORD, ACR_SECOND_FACTOR, supportedScopes } from './oidc-configuration.ts';
import { findClientWithApplication } from './sso-clients.repo.ts';
import { insertGrantLink } from './sso-grants.repo.ts';

export type InteractionOutcome =
  | { kind: 'sign_in' }
  | { kind: 'step_up' }
  | { kind: 'denied'; application: string; reason: string }
  | { kind: 'expired' }
  | { kind: 'allowed'; result: InteractionResults };

// An app asking for acr urn:nomades:2fa gets it even if its rule would settle for a password.
function asksSecondFactor(details: Interaction): boolean {
  return typeof details.params.acr_values === 'string' && details.params.acr_values.split(' ').includes(ACR_SECOND_FACTOR);
}

/**
 * An app wants the agent signed in: the portal session decides who, the application's rule decides whether
 * (the same rule as the catalogue and the gateway), and each answer goes to the application's access log.
 */
export async function decideInteraction(ctx: AppContext, provider: Provider, details: Interaction, request: FastifyRequest): Promise<InteractionOutcome> {
  const client = typeof details.params.client_id === 'string' ? await findClientWithApplication(ctx.db, details.params.client_id) : undefined;
  if (!client) return { kind: 'expired' };
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await resolveSession(ctx, token, () => clientOf(ctx, request)) : undefined;
  const visitor = session?.stage === 'active' ? await visitorOf(ctx.db, session) : undefined;
  if (!session || !visitor) return { kind: 'sign_in' };

  let answer: AccessAnswer = applicationAccess(ruleOf(client), visitor);
  if (answer.outcome === 'allowed' && asksSecondFactor(details) && !visitor.secondFactor) {
    answer = { outcome: 'step_up', reason: 'l’application demande une vérification en deux étapes' };
  }
  await recordApplicationAccess(ctx.db, {
    applicationId: client.application_id,
    agentId: session.agentId,
    at: ctx.clock.now(),
    channel: 'oidc',
    outcome: answer.outcome,
    networkZone: session.zone,
    detail: answer.outcome === 'allowed' ? null : answer.reason,
  });
  if (answer.outcome === 'denied') return { kind: 'denied', application: client.name, reason: answer.reason };
  if (answer.outcome === 'step_up') return { kind: 'step_up' };

  const grantId = await grantScopes(ctx, provider, details, client.client_id, session);
  return {
    kind: 'allowed',
    result: {
      login: { accountId: session.agentId, amr: session.amr, acr: visitor.secondFactor ? ACR_SECOND_FACTOR : ACR_PASSWORD, ts: authTime(ctx, session), remember: false },
      consent: { grantId },
    },
  };
}

// Consent is implicit for the city's apps: the scopes asked for are granted, and the grant is tied to the
// portal session it was given in.
async function grantScopes(ctx: AppContext, provider: Provider, details: Interaction, clientId: string, session: Session): Promise<string> {
  const grant = new provider.Grant({ accountId: session.agentId, clientId });
  const requested = String(details.params.scope ?? '').split(' ');
  grant.addOIDCScope(supportedScopes.filter((scope) => requested.includes(scope)).join(' '));
  const grantId = await grant.save();
  await insertGrantLink(ctx.db, { grantId, clientId, agentId: session.agentId, sessionIdHash: session.idHash, at: ctx.clock.now() });
  return grantId;
}

// The provider keeps time with Date.now(): give it how long ago the agent proved who they are, on its clock.
function authTime(ctx: AppContext, session: Session): number {
  const age = Math.max(0, ctx.clock.now().getTime() - session.authenticatedAt.getTime());
  return Math.floor((Date.now() - age) / 1000);
}
