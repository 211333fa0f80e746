import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

// The gateway's own answers. A browser opening a page gets a French page it can act on; an app's scripts
// (fetch, XHR) get an RFC 9457 problem document with the same words.

const style =
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#161616;background:#fff}' +
  'h1{font-size:1.75rem;line-height:1.25}a{color:#000091}a:focus{outline:2px solid #0a76f6;outline-offset:2px}.ref{color:#3a3a3a;font-size:.9rem}';
// The portal's policy forbids inline styles: this page allows its own one, by hash, and the portal's icon.
const styleHash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
const pageCsp = (portalOrigin: string) =>
  [`default-src 'none'`, `style-src ${styleHash}`, `img-src ${portalOrigin}`, "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

export type GatewayAnswer = {
  status: 400 | 401 | 403 | 404 | 413 | 502 | 504;
  code: string;
  title: string;
  detail: string;
  /** Extra paragraphs of the page (the problem document carries `detail` only). */
  advice?: string;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A browser opening a page (not a script, an image or a style sheet of the app). */
export function isPageRequest(request: FastifyRequest): boolean {
  const destination = request.headers['sec-fetch-dest'];
  if (typeof destination === 'string') return destination === 'document' || destination === 'iframe';
  return (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
}

export function sendGatewayAnswer(request: FastifyRequest, reply: FastifyReply, answer: GatewayAnswer, portalUrl: string): FastifyReply {
  reply.code(answer.status).header('cache-control', 'no-store');
  if (!isPageRequest(request)) {
    return reply
      .type('application/problem+json; charset=utf-8')
      .send(
        JSON.stringify({
          type: `/api/problems/${answer.code}`,
          title: answer.title,
          status: answer.status,
          detail: answer.detail,
          code: answer.code,
          instance: request.url.split('?')[0],
          requestId: request.id,
        }),
      );
  }
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(answer.title)} — Nomades</title>
<link rel="icon" href="${escapeHtml(`${portalUrl}/branding/logo`)}">
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeHtml(answer.title)}</h1>
<p>${escapeHtml(answer.detail)}</p>
${answer.advice ? `<p>${escapeHtml(answer.advice)}</p>` : ''}
<p><a href="${escapeHtml(`${portalUrl}/applications`)}">Retour à vos applications</a></p>
<p class="ref">Référence à citer au support : ${escapeHtml(request.id)}</p>
</main>
</body>
</html>
`;
  return reply.header('content-security-policy', pageCsp(new URL(portalUrl).origin)).type('text/html; charset=utf-8').send(html);
}

const megabytes = (bytes: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
const seconds = (ms: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(ms / 1000);
const support = 'Si cela se reproduit, signalez-le au support informatique avec la référence ci-dessous.';

export const answers = {
  unknownApp: (): GatewayAnswer => ({
    status: 404,
    code: 'not_found',
    title: 'Application introuvable',
    detail: 'Aucune application n’est publiée à cette adresse. Le lien est peut-être ancien : ouvrez l’application depuis le portail.',
  }),
  handoffExpired: (): GatewayAnswer => ({
    status: 400,
    code: 'bad_request',
    title: 'Lien de connexion expiré',
    detail: 'Ce lien de connexion a déjà servi ou a expiré. Rouvrez l’application depuis le portail.',
  }),
  signInRequired: (name: string): GatewayAnswer => ({
    status: 401,
    code: 'unauthenticated',
    title: 'Connexion requise',
    detail: `Connectez-vous au portail pour ouvrir « ${name} ».`,
  }),
  denied: (name: string, reason: string): GatewayAnswer => ({
    status: 403,
    code: 'forbidden',
    title: 'Accès refusé',
    detail: `Vous ne pouvez pas ouvrir « ${name} » : ${reason}.`,
    advice: 'Si votre travail le demande, adressez-vous à votre encadrant ou au support informatique pour faire ouvrir cet accès.',
  }),
  stepUp: (name: string): GatewayAnswer => ({
    status: 403,
    code: 'reauthentication_required',
    title: 'Vérification renforcée demandée',
    detail: `« ${name} » demande une vérification en deux étapes : confirmez votre identité sur le portail, puis rouvrez l’application.`,
  }),
  websocketClosed: (name: string): GatewayAnswer => ({
    status: 403,
    code: 'forbidden',
    title: 'Connexion refusée',
    detail: `« ${name} » n’accepte pas les connexions WebSocket à travers la passerelle.`,
  }),
  requestTooLarge: (name: string, limit: number): GatewayAnswer => ({
    status: 413,
    code: 'payload_too_large',
    title: 'Envoi trop volumineux',
    detail: `Ce que vous envoyez à « ${name} » dépasse la taille autorisée (${megabytes(limit)} Mo).`,
    advice: 'Réduisez la taille du fichier ou envoyez-en moins à la fois.',
  }),
  upstreamDown: (name: string): GatewayAnswer => ({
    status: 502,
    code: 'bad_gateway',
    title: 'Application indisponible',
    detail: `« ${name} » ne répond pas : elle est peut-être arrêtée ou en maintenance. Réessayez dans quelques minutes.`,
    advice: support,
  }),
  responseTooLarge: (name: string, limit: number): GatewayAnswer => ({
    status: 502,
    code: 'bad_gateway',
    title: 'Réponse trop volumineuse',
    detail: `« ${name} » a renvoyé plus que la passerelle n’en laisse passer (${megabytes(limit)} Mo).`,
    advice: support,
  }),
  upstreamTimeout: (name: string, timeoutMs: number): GatewayAnswer => ({
    status: 504,
    code: 'gateway_timeout',
    title: 'Application trop lente',
    detail: `« ${name} » n’a pas répondu dans les ${seconds(timeoutMs)} secondes prévues. Réessayez dans quelques minutes.`,
    advice: support,
  }),
};
