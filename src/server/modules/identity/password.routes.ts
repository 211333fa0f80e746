import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import {
  ChangePasswordBody,
  CheckPasswordBody,
  ForgotPasswordBody,
  PasswordRulesResponse,
  ResetLinkBody,
  ResetLinkResponse,
  ResetPasswordBody,
} from './password.schema.ts';
import { checkPasswordRules, passwordRuleMessages } from './password-policy.ts';
import { describeResetLink, requestPasswordReset, resetPassword } from './password-reset.service.ts';
import { changePassword, loadAccount, ownerOf } from './password.service.ts';
import { deleteSessionsOfAgent } from './session.repo.ts';
import { currentSession, requireSession } from './session.guard.ts';
import { advanceSession } from './session.service.ts';
import { setSessionCookie } from './session-cookie.ts';
import { signInStateOf } from './sign-in.service.ts';
import { nextStage } from './sign-in.policy.ts';
import { findAccountByAgentId } from './sign-in.repo.ts';
import { AppError } from '../../http/errors.ts';
import { sendSmsCode, smsPhoneOf } from './second-factor.service.ts';
import { hashToken } from '../../security/keys.ts';

const signedIn = ['active', 'change_password'] as const;

export async function passwordRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/me/password',
    {
      schema: {
        operationId: 'changeMyPassword',
        tags: ['mot de passe'],
        summary: 'Changer son mot de passe (le mot de passe actuel vaut ré-authentification)',
        body: ChangePasswordBody,
        response: { 204: NoContent, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx, signedIn),
    },
    async (request, reply) => {
      const session = currentSession(request);
      const client = clientOf(ctx, request);
      await changePassword(ctx, session.agentId, request.body as ChangePasswordBody, client);
      // Other browsers lose their session: whoever knew the old password is out.
      await deleteSessionsOfAgent(ctx.db, session.agentId, session.idHash);
      const account = await findAccountByAgentId(ctx.db, session.agentId);
      if (!account) throw new AppError('unauthenticated');
      const state = signInStateOf(ctx, account, session.zone, { secondFactorPassed: session.amr.some((m) => m !== 'pwd') });
      const rotated = await advanceSession(ctx, session, { stage: nextStage(state), reauthenticated: true });
      setSessionCookie(reply, rotated.token);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/password/check',
    {
      schema: {
        operationId: 'checkMyNewPassword',
        tags: ['mot de passe'],
        summary: 'Évaluer un nouveau mot de passe règle par règle (explication en direct du formulaire)',
        body: CheckPasswordBody,
        response: { 200: PasswordRulesResponse },
      },
      preHandler: requireSession(ctx, signedIn),
    },
    async (request) => {
      const account = await loadAccount(ctx, currentSession(request).agentId);
      const rules = checkPasswordRules((request.body as { newPassword: string }).newPassword, ownerOf(account)).map((r) => ({
        ...r,
        message: passwordRuleMessages[r.rule],
      }));
      return { rules, acceptable: rules.every((r) => r.ok) };
    },
  );

  app.post(
    '/api/auth/password/forgot',
    {
      schema: {
        operationId: 'requestPasswordReset',
        tags: ['mot de passe'],
        summary: 'Mot de passe oublié : envoie un lien à l’adresse professionnelle (réponse identique que le compte existe ou non)',
        body: ForgotPasswordBody,
        response: { 202: NoContent, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, (request.body as ForgotPasswordBody).identifier, clientOf(ctx, request));
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/auth/password/reset/describe',
    {
      schema: {
        operationId: 'describePasswordResetLink',
        tags: ['mot de passe'],
        summary: 'Vérifie un lien de réinitialisation et dit quelle vérification il faudra',
        body: ResetLinkBody,
        response: { 200: ResetLinkResponse, 400: ProblemResponse },
      },
    },
    async (request) => describeResetLink(ctx, (request.body as { token: string }).token),
  );

  app.post(
    '/api/auth/password/reset/sms',
    {
      schema: {
        operationId: 'sendPasswordResetSms',
        tags: ['mot de passe'],
        summary: 'Envoie un code par SMS pour confirmer une réinitialisation',
        body: ResetLinkBody,
        response: { 202: NoContent, 400: ProblemResponse, 429: ProblemResponse },
      },
    },
    async (request, reply) => {
      const token = (request.body as { token: string }).token;
      await describeResetLink(ctx, token);
      const row = await ctx.db.selectFrom('password_reset_tokens').select('agent_id').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
      await sendSmsCode(ctx, row.agent_id, await smsPhoneOf(ctx, row.agent_id), 'reset');
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/auth/password/reset',
    {
      schema: {
        operationId: 'resetPassword',
        tags: ['mot de passe'],
        summary: 'Choisir un nouveau mot de passe avec le lien reçu (et le code de vérification si le compte en a un)',
        body: ResetPasswordBody,
        response: { 204: NoContent, 400: ProblemResponse, 401: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body as ResetPasswordBody, clientOf(ctx, request));
      return reply.code(204).send();
    },
  );
}
