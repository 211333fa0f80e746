import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NoContent, ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import { CreateSsoClientBody, SsoClientIdParams, SsoClientListResponse, SsoClientSecretResponse, type SsoClientFields } from './sso-clients.schema.ts';
import { createSsoClient, deleteSsoClient, listSsoClients, rotateSsoClientSecret } from './sso-clients.service.ts';

const tags = ['connexion unique'];

// The administrators' page: register an application as a client of the provider, give it a new secret,
// remove it. Who may sign in to it is the application's own rule (applications registry).
export async function ssoClientRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Checked before the body is: a non-administrator learns nothing from the validation errors.
  const administratorOnly = [requireSession(ctx), async (request: FastifyRequest) => assertAllowed(await actorOf(ctx, request), 'application.manage')];

  app.get(
    '/api/admin/sso/clients',
    {
      schema: {
        operationId: 'listSsoClients',
        tags,
        summary: 'Clients OpenID Connect, applications qui peuvent le devenir, adresse de l’émetteur (administrateur)',
        response: { 200: SsoClientListResponse, 403: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async () => listSsoClients(ctx),
  );

  app.post(
    '/api/admin/sso/clients',
    {
      schema: {
        operationId: 'createSsoClient',
        tags,
        summary: 'Enregistrer une application comme client OpenID Connect ; son secret est affiché une seule fois',
        body: CreateSsoClientBody,
        response: { 201: SsoClientSecretResponse, 403: ProblemResponse, 409: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request, reply) => {
      return reply.code(201).send(await createSsoClient(ctx, request.body as SsoClientFields, await auditActorOf(ctx, request)));
    },
  );

  app.post(
    '/api/admin/sso/clients/:clientId/secret',
    {
      schema: {
        operationId: 'rotateSsoClientSecret',
        tags,
        summary: 'Donner un nouveau secret à un client : l’ancien est refusé aussitôt ; affiché une seule fois',
        params: SsoClientIdParams,
        response: { 200: SsoClientSecretResponse, 403: ProblemResponse, 404: ProblemResponse, 422: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request) => rotateSsoClientSecret(ctx, (request.params as { clientId: string }).clientId, await auditActorOf(ctx, request)),
  );

  app.delete(
    '/api/admin/sso/clients/:clientId',
    {
      schema: {
        operationId: 'deleteSsoClient',
        tags,
        summary: 'Supprimer un client : ses codes et jetons cessent aussitôt de fonctionner',
        params: SsoClientIdParams,
        response: { 204: NoContent, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request, reply) => {
      await deleteSsoClient(ctx, (request.params as { clientId: string }).clientId, await auditActorOf(ctx, request));
      return reply.code(204).send();
    },
  );
}
