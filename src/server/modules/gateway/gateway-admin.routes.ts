import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { actorOf, assertAllowed } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { requireSession } from '../identity/session.guard.ts';
import {
  CreateGatewayRouteBody,
  GatewayRoute,
  type GatewayRouteBody,
  GatewayRouteIdParams,
  GatewayRouteList,
  GatewayRouteStatusBody,
  SigningSecretResponse,
  UpdateGatewayRouteBody,
} from './gateway.schema.ts';
import { listRoutes, publishRoute, renewSigningSecret, setRouteEnabled, updateRoute } from './gateway-admin.service.ts';

const tags = ['passerelle'];

// The administrators' page: publish an internal app, change its upstream, bounds or rule, disable it.
export async function gatewayAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Checked before the body is: a non-administrator learns nothing from the validation errors.
  const administratorOnly = [
    requireSession(ctx),
    // The applications' registry uses the same right (see the report: 'application.manage' when it exists).
    async (request: FastifyRequest) => assertAllowed(await actorOf(ctx, request), 'application.manage'),
  ];
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  app.get(
    '/api/admin/gateway-routes',
    {
      schema: {
        operationId: 'listGatewayRoutes',
        tags,
        summary: 'Applications internes publiées par la passerelle, actives ou non (administrateur)',
        response: { 200: GatewayRouteList, 403: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async () => ({ items: await listRoutes(ctx) }),
  );

  app.post(
    '/api/admin/gateway-routes',
    {
      schema: {
        operationId: 'publishGatewayRoute',
        tags,
        summary: 'Publier une application interne sous /apps/<identifiant>/ ; le secret de signature est affiché une seule fois',
        body: CreateGatewayRouteBody,
        response: { 201: SigningSecretResponse, 400: ProblemResponse, 403: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request, reply) => {
      const created = await publishRoute(ctx, await auditActorOf(ctx, request), request.body as CreateGatewayRouteBody);
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/admin/gateway-routes/:id',
    {
      schema: {
        operationId: 'updateGatewayRoute',
        tags,
        summary: 'Modifier l’adresse interne, les limites ou la règle d’accès d’une application publiée',
        params: GatewayRouteIdParams,
        body: UpdateGatewayRouteBody,
        response: { 200: GatewayRoute, 400: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request) => updateRoute(ctx, await auditActorOf(ctx, request), idOf(request), request.body as GatewayRouteBody),
  );

  app.put(
    '/api/admin/gateway-routes/:id/status',
    {
      schema: {
        operationId: 'setGatewayRouteStatus',
        tags,
        summary: 'Activer ou désactiver une application publiée (désactivée : refusée par toutes les voies)',
        params: GatewayRouteIdParams,
        body: GatewayRouteStatusBody,
        response: { 200: GatewayRoute, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request) => setRouteEnabled(ctx, await auditActorOf(ctx, request), idOf(request), (request.body as { enabled: boolean }).enabled),
  );

  app.post(
    '/api/admin/gateway-routes/:id/signing-secret',
    {
      schema: {
        operationId: 'renewGatewaySigningSecret',
        tags,
        summary: 'Remplacer le secret qui signe les en-têtes d’identité ; l’ancien cesse aussitôt de valoir',
        params: GatewayRouteIdParams,
        response: { 200: SigningSecretResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preValidation: administratorOnly,
    },
    async (request) => renewSigningSecret(ctx, await auditActorOf(ctx, request), idOf(request)),
  );
}
