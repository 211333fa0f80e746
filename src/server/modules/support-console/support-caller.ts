import type { AppContext } from '../../app-context.ts';
import type { ClientInfo } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { type Action, type Actor, assertAllowed, authorizeOnAgent, decide, type TargetAgent } from '../access/index.ts';
import type { AuditActor } from '../audit/index.ts';
import { isRecentlyAuthenticated, type Session } from '../identity/session.service.ts';

type Decision = ReturnType<typeof decide>;

// Who is using the console, how they signed in and from where.
export type SupportCaller = { actor: Actor; session: Session; client: ClientInfo; audit?: AuditActor };

export const STRONG_AUTHENTICATION_MESSAGE =
  'La console d’assistance demande une connexion avec une deuxième méthode de vérification, ou depuis le réseau de la collectivité.';

// ANSSI: privileged actions deserve strong authentication. The city network (badge-controlled premises,
// managed workstations) counts as a factor; from anywhere else the session must have passed a second factor.
// A session opened inside and carried outside (a copied cookie) does not count as inside.
export function assertStronglyAuthenticated(caller: SupportCaller): void {
  const secondFactorPassed = caller.session.amr.some((method) => method !== 'pwd');
  const fromCityNetwork = caller.session.zone === 'internal' && caller.client.zone === 'internal';
  if (secondFactorPassed || fromCityNetwork) return;
  throw new AppError('forbidden', STRONG_AUTHENTICATION_MESSAGE, { errors: [{ rule: 'strong_authentication', message: STRONG_AUTHENTICATION_MESSAGE }] });
}

// Actions that hand over a way into the account (a password, a code, a blank slate of factors) ask for the
// password again within the last 5 minutes: an unattended console must not give accounts away.
export function assertRecentlyAuthenticated(ctx: AppContext, caller: SupportCaller): void {
  if (isRecentlyAuthenticated(ctx, caller.session)) return;
  throw new AppError('reauthentication_required', 'Confirmez votre mot de passe pour faire cette action (valable 5 minutes).');
}

/** For actions without a person (lists): 403 for a role that may not, then the strong-authentication rule. */
export function assertMayUse(caller: SupportCaller, action: Action): void {
  assertAllowed(caller.actor, action);
  assertStronglyAuthenticated(caller);
}

/** For actions on a person: 403 for a role that may not, 404 outside the perimeter, as if nobody had this badge. */
export async function reachAgent(ctx: AppContext, caller: SupportCaller, action: Action, badgeNumber: string): Promise<TargetAgent> {
  assertMayUse(caller, action);
  return authorizeOnAgent(ctx, caller.actor, action, { badgeNumber });
}

const ORGANISATION_GUARDIANS = new Set(['administrator', 'security_officer']);

/**
 * May the caller do this console action on this person, beyond the policy's perimeter? Nobody acts on their
 * own account from the console (a second pair of eyes), and the accounts of administrators and security
 * officers are handed over (password, code, factors) by an administrator only: a support agent must not
 * be able to take over an account with more rights than theirs.
 */
export function supportDecision(
  caller: SupportCaller,
  action: Action,
  target: TargetAgent,
  targetRoles: readonly string[],
  handsOverAccess: boolean,
): Decision {
  const decision = decide(caller.actor, action, target);
  if (!decision.allowed) return decision;
  if (target.agentId === caller.actor.agentId) {
    return { allowed: false, reason: 'il s’agit de votre propre compte : passez par « Mon compte » ou demandez à un collègue' };
  }
  const callerIsAdministrator = caller.actor.roles.some((r) => r.role === 'administrator');
  if (handsOverAccess && !callerIsAdministrator && targetRoles.some((r) => ORGANISATION_GUARDIANS.has(r))) {
    return { allowed: false, reason: 'le compte d’un administrateur ou d’un responsable de la sécurité ne peut être confié que par un administrateur' };
  }
  return decision;
}
