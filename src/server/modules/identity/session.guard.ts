import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../http/cookies.ts';
import { AppError } from '../../http/errors.ts';
import { resolveSession, type Session, type SessionStage } from './session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

// A preHandler for routes that need a signed-in agent; partial sessions (second factor or new password
// still owed) pass only where the route lists their stage.
export function requireSession(ctx: AppContext, stages: readonly SessionStage[] = ['active'], options: { touch?: boolean } = {}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    // Parsing the user agent costs more than the rest of the check: only done if an expiry must be recorded.
    const session = token ? await resolveSession(ctx, token, () => clientOf(ctx, request), options) : undefined;
    if (!session) {
      if (token) reply.clearCookie(SESSION_COOKIE, sessionCookieOptions);
      throw new AppError('unauthenticated', 'Votre session a expiré ou vous n’êtes pas connecté.');
    }
    if (!stages.includes(session.stage)) {
      throw new AppError('sign_in_incomplete', nextStepMessage(session.stage));
    }
    request.session = session;
  };
}

export function currentSession(request: FastifyRequest): Session {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session;
}

function nextStepMessage(stage: SessionStage): string {
  switch (stage) {
    case 'second_factor':
      return 'Saisissez d’abord votre code de vérification.';
    case 'change_password':
      return 'Choisissez d’abord un nouveau mot de passe.';
    case 'enrol_second_factor':
      return 'Enregistrez d’abord une deuxième méthode de vérification.';
    default:
      return 'Connexion à terminer.';
  }
}
