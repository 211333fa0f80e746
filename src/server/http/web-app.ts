import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

// Serves the built single-page app; any other GET that wants HTML gets index.html so deep links work.
export async function installWebApp(app: FastifyInstance): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  const built = existsSync(path.join(webDistDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      index: false,
      wildcard: true,
      cacheControl: false,
      etag: true,
      schemaHide: true,
      // '/' is a page, not a directory listing: let it fall through to index.html.
      allowedPath: (pathName) => pathName !== '/',
    });
    app.addHook('onSend', async (request, reply, payload) => {
      // Vite puts a content hash in every asset name: they can be cached forever.
      if (request.url.startsWith('/assets/') && reply.statusCode === 200) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
      return payload;
    });
  }

  return (request, reply) => {
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') &&
      wantsHtml &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0] ?? '');
    if (!isPageRequest) return false;
    if (!built) {
      reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="fr"><title>Nomades</title><p>L’interface web n’est pas construite : lancez <code>npm run build</code>.</p></html>');
      return true;
    }
    reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}
