import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { type ClientInfo, clientOf } from '../../http/client.ts';

// oidc-provider sees only Node's request; the portal's helpers want Fastify's (client address behind the
// proxies we trust, cookies parsed). Each request handed to the provider is remembered here while it runs.
const fastifyRequests = new WeakMap<IncomingMessage, FastifyRequest>();

export function rememberRequest(request: FastifyRequest): void {
  fastifyRequests.set(request.raw, request);
}

export function fastifyRequestOf(req: IncomingMessage): FastifyRequest | undefined {
  return fastifyRequests.get(req);
}

/** Who is calling, as the connection history records it; an application's server when it is not a browser. */
export function clientInfoOf(ctx: AppContext, req: IncomingMessage, caller?: string): ClientInfo {
  const request = fastifyRequests.get(req);
  const client: ClientInfo = request
    ? clientOf(ctx, request)
    : { ip: '', zone: 'external', userAgent: '', browser: '', os: '', deviceType: 'desktop', deviceLabel: '' };
  return caller ? { ...client, deviceType: 'server', deviceLabel: `application ${caller}` } : client;
}
