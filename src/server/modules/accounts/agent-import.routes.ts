import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ProblemResponse } from '../../http/problem.ts';
import { requireSession } from '../identity/session.guard.ts';
import { ImportAgentsBody, ImportReportResponse, MAX_IMPORT_CHARS } from './agent-import.schema.ts';
import { importAgents } from './agent-import.service.ts';
import { tags } from './agents.routes.ts';
import { hrActor } from './hr-request.ts';

export async function agentImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/hr/imports',
    {
      // The file (2 MiB of CSV at most) escaped in JSON: above the API's usual 1 MiB.
      bodyLimit: Math.ceil(MAX_IMPORT_CHARS * 1.5),
      schema: {
        operationId: 'importAgents',
        tags,
        summary:
          'Importer l’export CSV du SIRH (colonnes matricule;nom;prenom;email;direction;service;profil;grade;intitule_poste;matricule_manager;date_arrivee;date_depart). dryRun (par défaut) : rapport ligne par ligne sans rien écrire ; dryRun false : tout ou rien (422 si une ligne est refusée)',
        body: ImportAgentsBody,
        response: { 200: ImportReportResponse, 400: ProblemResponse, 403: ProblemResponse, 409: ProblemResponse, 413: ProblemResponse, 422: ProblemResponse },
      },
      preHandler: requireSession(ctx),
    },
    async (request) => {
      const h = await hrActor(ctx, request, 'account.import');
      return importAgents(h, request.body as ImportAgentsBody);
    },
  );
}
