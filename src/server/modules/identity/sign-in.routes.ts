import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { AppError } from '../../http/errors.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { findProfile } from './me.repo.ts';
import { findAccountByAgentId, rolesOf } from './sign-in.repo.ts';
import { availableMethods, PRIVILEGED_ROLES, passwordExpiresAt } from './sign-in.policy.ts';
import { LoginBody, MeResponse, type SecondFactorMethod, SignInStepResponse } from './sign-in.schema.ts';
import { signIn } from './sign-in.service.ts';
import { clearSessionCookie, deviceHashOf, setSessionCookie, toNextStep } from './session-cookie.ts';
import { currentSession, requireSession } from './session.guard.ts';
import { keepAlive, signOutSession } from './session.service.ts';

const EXPIRY_WARNING_DAYS = 14;

export async function signInRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'signIn',
        tags: ['authentification'],
        summary: 'Connexion par matricule ou e-mail professionnel et mot de passe',
        body: LoginBody,
        response: { 200: SignInStepResponse, 401: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const body = request.body as LoginBody;
      const result = await signIn(
        ctx,
        { identifier: body.identifier, password: body.password, deviceHash: deviceHashOf(ctx, request, reply) },
        clientOf(ctx, request),
      );
      setSessionCookie(reply, result.token);
      const next = toNextStep(result.stage);
      return next === 'second_factor' ? { next, methods: result.methods } : { next };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { operationId: 'signOut', tags: ['authentification'], summary: 'Déconnexion (la session est fermée sur le serveur)' },
      preHandler: requireSession(ctx, ['active', 'second_factor', 'change_password', 'enrol_second_factor']),
    },
    async (request, reply) => {
      await signOutSession(ctx, currentSession(request), clientOf(ctx, request));
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/session/keep-alive',
    {
      schema: { operationId: 'keepSessionAlive', tags: ['authentification'], summary: 'Rester connecté (repousse l’expiration pour inactivité)' },
      // Also mid-sign-in: an agent reading the QR-code instructions must not be logged out for it.
      preHandler: requireSession(ctx, ['active', 'second_factor', 'change_password', 'enrol_second_factor']),
    },
    async (request, reply) => {
      await keepAlive(ctx, currentSession(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['authentification'],
        summary: 'L’agent connecté : identité, direction, profil, rôles, session',
        response: { 200: MeResponse, 401: ProblemResponse },
      },
      preHandler: requireSession(ctx, ['active', 'second_factor', 'change_password', 'enrol_second_factor']),
    },
    async (request) => {
      const session = currentSession(request);
      const [profile, roles] = await Promise.all([findProfile(ctx.db, session.agentId), rolesOf(ctx.db, session.agentId)]);
      if (!profile) throw new AppError('unauthenticated');
      const maxAge = roles.some((r) => PRIVILEGED_ROLES.has(r.role))
        ? ctx.config.auth.passwordMaxAgeDaysPrivileged
        : ctx.config.auth.passwordMaxAgeDays;
      const expiresAt = passwordExpiresAt(profile.passwordChangedAt, maxAge);
      // A new tab mid-sign-in learns here which second factors to offer.
      const account = session.stage === 'second_factor' ? await findAccountByAgentId(ctx.db, session.agentId) : undefined;
      const methods = account ? (availableMethods({ factorKinds: account.factorKinds, recoveryCodesLeft: account.recoveryCodesLeft }) as SecondFactorMethod[]) : undefined;
      const now = ctx.clock.now().getTime();
      return {
        badgeNumber: profile.badgeNumber,
        firstName: profile.firstName,
        lastName: profile.lastName,
        email: profile.email,
        department: { code: profile.departmentCode, name: profile.departmentName },
        jobProfile: { code: profile.jobProfileCode, name: profile.jobProfileName },
        jobTitle: profile.jobTitle,
        roles: roles.map((r) => ({ role: r.role, departmentCode: r.departmentCode })),
        session: {
          stage: toNextStep(session.stage),
          networkZone: session.zone,
          secondFactorUsed: session.amr.some((m) => m !== 'pwd'),
          idleExpiresAt: session.idleExpiresAt.toISOString(),
          expiresAt: session.expiresAt.toISOString(),
          idleTimeoutSeconds: Math.round(ctx.config.auth.sessionIdleMs / 1000),
          ...(methods ? { methods } : {}),
        },
        password: {
          expiresAt: expiresAt?.toISOString() ?? null,
          expiresSoon: expiresAt !== null && expiresAt.getTime() - now <= EXPIRY_WARNING_DAYS * 86_400_000,
        },
      };
    },
  );
}
