import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors, type Interaction } from 'oidc-provider';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { decideInteraction } from './interaction.service.ts';
import { INTERACTION_PREFIX } from './sso-paths.ts';
import type { ProviderSource } from './provider-instance.ts';
import { renderSsoPage, type SsoPage, ssoPages } from './sso-pages.ts';

// Pages of the web app (src/web/router/paths.ts) an agent is sent to, with the way back here.
const signInPage = '/connexion';
const stepUpPage = '/connexion/verification-renforcee';
const withReturn = (page: string, returnTo: string) => `${page}?${new URLSearchParams({ retour: returnTo })}`;

const InteractionParams = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export function sendSsoPage(reply: FastifyReply, page: SsoPage): FastifyReply {
  const { html, csp } = renderSsoPage(page);
  return reply.code(page.status).header('content-security-policy', csp).type('text/html; charset=utf-8').send(html);
}

// Where oidc-provider sends the browser for every authorisation (interactions.url): signed in to the
// portal, allowed by the application's rule, with the second factor it asks for, the agent goes straight back
// to the app; otherwise to the sign-in page, the step-up page or a clear refusal.
export async function interactionRoutes(app: FastifyInstance, ctx: AppContext, source: ProviderSource): Promise<void> {
  // The interaction the browser's cookie names; a stale address (another tab, the back button) is expired.
  async function interactionOf(request: FastifyRequest, reply: FastifyReply): Promise<Interaction | undefined> {
    const { provider } = await source.current();
    const { uid } = request.params as { uid: string };
    try {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return details.uid === uid ? details : undefined;
    } catch (error) {
      if (error instanceof errors.SessionNotFound) return undefined;
      throw error;
    }
  }

  app.get(
    `${INTERACTION_PREFIX}/:uid`,
    { schema: { hide: true, params: InteractionParams } },
    async (request, reply) => {
      const details = await interactionOf(request, reply);
      if (!details) return sendSsoPage(reply, ssoPages.expired());
      const { provider } = await source.current();
      const outcome = await decideInteraction(ctx, provider, details, request);
      const here = request.url.split('?')[0] ?? '';
      switch (outcome.kind) {
        case 'expired':
          return sendSsoPage(reply, ssoPages.expired());
        case 'sign_in':
          return reply.redirect(withReturn(signInPage, here), 303);
        case 'step_up':
          return reply.redirect(withReturn(stepUpPage, here), 303);
        case 'denied':
          return sendSsoPage(reply, ssoPages.denied(outcome.application, outcome.reason, details.uid));
        case 'allowed':
          return reply.redirect(await provider.interactionResult(request.raw, reply.raw, outcome.result, { mergeWithLastSubmission: false }), 303);
      }
    },
  );

  // From the refusal page, back to the app with the standard answer (access_denied), for it to say so too.
  app.get(
    `${INTERACTION_PREFIX}/:uid/abort`,
    { schema: { hide: true, params: InteractionParams } },
    async (request, reply) => {
      const details = await interactionOf(request, reply);
      if (!details) return sendSsoPage(reply, ssoPages.expired());
      const { provider } = await source.current();
      const result = { error: 'access_denied', error_description: 'access refused by the portal' };
      return reply.redirect(await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false }), 303);
    },
  );
}
