import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { PortalInfoResponse } from './portal.schema.ts';
import { appVersion } from '../../version.ts';
import { devOutboxEnabled } from '../notifications/index.ts';
import { defaultLogoSvg } from './default-logo.ts';

// What the web app needs before sign-in: the city's name and branding.
export async function portalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { org } = ctx.config;

  app.get(
    '/api/portal',
    {
      schema: {
        operationId: 'getPortalInfo',
        tags: ['portail'],
        summary: 'Nom, logo et thème de la collectivité',
        response: { 200: PortalInfoResponse },
      },
    },
    async () => ({
      name: org.name,
      emailDomain: org.emailDomain,
      logoUrl: '/branding/logo',
      themeUrl: '/branding/theme.css',
      languages: ['fr' as const, 'en' as const],
      version: appVersion,
      support: { hours: ctx.config.support.hours, phone: ctx.config.support.phone },
      demoMailbox: devOutboxEnabled(ctx.config),
    }),
  );

  app.get(
    '/branding/logo',
    { schema: { operationId: 'getLogo', tags: ['portail'], summary: 'Logo de la collectivité', hide: true } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      if (!org.logoFile) return reply.type('image/svg+xml').send(defaultLogoSvg(org.name));
      const content = await readBrandingFile(org.logoFile);
      return reply.type(org.logoFile.endsWith('.svg') ? 'image/svg+xml' : 'image/png').send(content);
    },
  );

  app.get(
    '/branding/theme.css',
    { schema: { operationId: 'getThemeCss', tags: ['portail'], summary: 'Surcharge des jetons de design', hide: true } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8');
      if (!ctx.config.org.themeCssFile) return '/* Aucun thème local: jetons par défaut. */\n';
      return readBrandingFile(ctx.config.org.themeCssFile);
    },
  );
}

async function readBrandingFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new AppError('internal', undefined, { cause: error });
  }
}
