import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { requireSession } from '../identity/session.guard.ts';
import { securityAlertsRoutes } from './security-alerts.routes.ts';
import { supportActionsRoutes } from './support-actions.routes.ts';
import {
  AccountCardResponse,
  AccountSearchQuery,
  AccountSearchResponse,
  BadgeNumberParams,
  ChecklistResponse,
  ConnectionsQuery,
  ConnectionsResponse,
} from './support-console.schema.ts';
import { accountCard, connectionHistory, identityChecklist, searchAccounts } from './support-console.service.ts';
import { callerOf, tags } from './support-request.ts';

// The IT support console: find an account of one's perimeter, read its card and history, act on it.
// Outside the perimeter an account answers 404, as if it did not exist.
export async function supportConsoleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/support/accounts',
    {
      schema: {
        operationId: 'searchSupportAccounts',
        tags,
        summary: 'Trouver un compte de son périmètre : matricule (entier ou début), début d’e-mail ou nom (sans accents) ; locked=true pour les comptes bloqués',
        querystring: AccountSearchQuery,
        response: { 200: AccountSearchResponse, 403: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => searchAccounts(ctx, await callerOf(ctx, request), request.query as AccountSearchQuery),
  );

  app.get(
    '/api/support/accounts/:badgeNumber',
    {
      schema: {
        operationId: 'getSupportAccountCard',
        tags,
        summary: 'Fiche d’un compte : identité, statut, mot de passe, blocage, méthodes de vérification, sessions, alertes ouvertes, actions possibles',
        params: BadgeNumberParams,
        response: { 200: AccountCardResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => accountCard(ctx, await callerOf(ctx, request), (request.params as BadgeNumberParams).badgeNumber),
  );

  app.get(
    '/api/support/accounts/:badgeNumber/connections',
    {
      schema: {
        operationId: 'listSupportAccountConnections',
        tags,
        summary: 'Historique de connexion d’un compte (30 derniers jours par défaut, du plus récent au plus ancien, paginé)',
        params: BadgeNumberParams,
        querystring: ConnectionsQuery,
        response: { 200: ConnectionsResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) =>
      connectionHistory(ctx, await callerOf(ctx, request), (request.params as BadgeNumberParams).badgeNumber, request.query as ConnectionsQuery),
  );

  app.get(
    '/api/support/identity-checklist',
    {
      schema: {
        operationId: 'getIdentityChecklist',
        tags,
        summary: 'Les vérifications d’identité à cocher avant de retirer les méthodes de vérification d’un agent (obligatoires et facultatives)',
        response: { 200: ChecklistResponse },
      },
      preHandler: requireSession(ctx),
    },
    async () => identityChecklist(),
  );

  await supportActionsRoutes(app, ctx);
  await securityAlertsRoutes(app, ctx);
}
