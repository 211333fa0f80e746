import { pipeline } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { recordVisit } from './access-log.ts';
import { downstreamResponseHeaders, locationMapper, upstreamRequestHeaders } from './forwarded-headers.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';
import { answers, type GatewayAnswer, isPageRequest, sendGatewayAnswer } from './gateway-pages.ts';
import { type Place, placeOf } from './gateway-place.ts';
import { sessionTokenOf, visitOf } from './gateway-visit.ts';
import { identityHeaders } from './identity-headers.ts';
import { signInLocation, stepUpLocation } from './portal-links.ts';
import type { PublishedApps } from './published-apps.ts';
import { byteLimit, exchange, type UpstreamAgents, UpstreamFailure } from './upstream.ts';
import { tunnel, upgradeOf } from './websocket-tunnel.ts';

export type GatewayDeps = { ctx: AppContext; apps: PublishedApps; agents: UpstreamAgents; metrics: GatewayMetrics };

type Visitor = { agentId: string | null; zone: 'internal' | 'external' | null };

// What the error handler needs to know when the upstream's body fails before the first byte went out.
const exchanges = new WeakMap<FastifyRequest, { place: Place; visitor: Visitor; signal: AbortSignal }>();

const failureDetail: Record<UpstreamFailure['kind'], string> = {
  down: 'application injoignable',
  timeout: 'délai dépassé',
  request_too_large: 'envoi trop volumineux',
  response_too_large: 'réponse trop volumineuse',
  client_gone: 'navigateur parti',
};

function failureAnswer(failure: UpstreamFailure, place: Place): GatewayAnswer {
  const { app } = place;
  if (failure.kind === 'timeout') return answers.upstreamTimeout(app.name, failure.timeoutMs);
  if (failure.kind === 'request_too_large') return answers.requestTooLarge(app.name, app.maxRequestBytes);
  if (failure.kind === 'response_too_large') return answers.responseTooLarge(app.name, app.maxResponseBytes);
  return answers.upstreamDown(app.name);
}

/** Every request under /apps/<slug>/ (or on an app's own host): checked, then passed on to the upstream. */
export function gatewayHandler(deps: GatewayDeps) {
  const { ctx, apps, metrics } = deps;
  const portalUrl = ctx.config.publicUrl;
  const publicProto = new URL(portalUrl).protocol.replace(':', '');
  const send = (request: FastifyRequest, reply: FastifyReply, answer: GatewayAnswer) => sendGatewayAnswer(request, reply, answer, portalUrl);

  async function failed(request: FastifyRequest, reply: FastifyReply, place: Place, visitor: Visitor, failure: UpstreamFailure) {
    if (failure.kind === 'client_gone') {
      reply.hijack();
      reply.raw.destroy();
      return reply;
    }
    const outcome = failure.kind === 'request_too_large' ? 'too_large' : failure.kind === 'timeout' ? 'timeout' : 'upstream_error';
    const detail = `${failureDetail[failure.kind]} (${failure.message})`;
    await recordVisit(ctx, metrics, place.app, { channel: 'gateway', outcome, ...visitor, detail }, isPageRequest(request));
    if (failure.kind === 'request_too_large') reply.header('connection', 'close');
    return send(request, reply, failureAnswer(failure, place));
  }

  // `logged`: the access log's write, done while the upstream answers rather than before asking it.
  async function forward(request: FastifyRequest, reply: FastifyReply, place: Place, visitor: Visitor, headers: Record<string, unknown>, logged: Promise<void>) {
    const { app } = place;
    const clientGone = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) clientGone.abort();
    });
    const signal = AbortSignal.any([AbortSignal.timeout(app.totalTimeoutMs), clientGone.signal]);
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    const started = performance.now();
    let response;
    try {
      response = await exchange(app, deps.agents, {
        method: request.method,
        path: place.upstreamPath,
        headers: headers as Record<string, string>,
        body: hasBody ? request.raw : undefined,
        signal,
      });
    } catch (error) {
      await logged;
      return failed(request, reply, place, visitor, error instanceof UpstreamFailure ? error : new UpstreamFailure('down', 'unknown'));
    }
    await logged;
    metrics.upstreamAnswered(app.slug, (performance.now() - started) / 1000);
    if (Number(response.headers['content-length'] ?? 0) > app.maxResponseBytes) {
      response.destroy();
      return failed(request, reply, place, visitor, new UpstreamFailure('response_too_large', 'declared length over the limit'));
    }
    exchanges.set(request, { place, visitor, signal });
    // The portal's policy is written for the portal's own pages; the app's pages follow the app's own.
    reply.removeHeader('content-security-policy');
    reply.header('x-frame-options', 'SAMEORIGIN');
    reply.code(response.statusCode ?? 502).headers(downstreamResponseHeaders(response.headers, locationMapper(app.upstream, place.prefix)));
    if (request.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304) {
      response.resume();
      return reply.send();
    }
    // Streamed as it arrives; past the limit the connection is cut (the status has already gone).
    const body = pipeline(response, byteLimit(app.maxResponseBytes, () => new UpstreamFailure('response_too_large', 'body over the limit')), (error) => {
      if (error) request.log.warn({ application: app.slug, err: error }, 'gateway response cut');
    });
    return reply.send(body);
  }

  /** The upstream's body failed (too large, cut, too slow) before any of it was sent: still a clear page. */
  async function bodyFailed(error: Error, request: FastifyRequest, reply: FastifyReply) {
    const exchange = exchanges.get(request);
    if (!exchange) throw error;
    const { place, visitor, signal } = exchange;
    const timedOut = signal.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
    const failure = error instanceof UpstreamFailure ? error : new UpstreamFailure(timedOut ? 'timeout' : 'down', 'body cut', place.app.totalTimeoutMs);
    return failed(request, reply, place, visitor, failure);
  }

  async function gateway(request: FastifyRequest, reply: FastifyReply) {
    const found = await placeOf(apps, request);
    if ('unknown' in found) return send(request, reply, answers.unknownApp());
    if ('redirect' in found) return reply.redirect(found.redirect, 308);
    const { place } = found;
    const { app } = place;
    const page = isPageRequest(request);
    const upgrade = upgradeOf(request.raw);
    const worthLogging = page || upgrade !== undefined;
    const visit = await visitOf(ctx, request, app, sessionTokenOf(ctx, request.cookies, app));
    const target = { slug: app.slug, onAppHost: place.onAppHost, returnPath: place.publicPath };

    if (visit.outcome === 'signed_out') {
      metrics.count(app.slug, 'gateway', 'signed_out');
      if (page) return reply.redirect(signInLocation(ctx, target), 303);
      return send(request, reply, answers.signInRequired(app.name));
    }
    const visitor = { agentId: visit.agentId, zone: visit.zone };
    if (visit.outcome !== 'allowed') {
      await recordVisit(ctx, metrics, app, { channel: 'gateway', outcome: visit.outcome, ...visitor, detail: visit.reason }, worthLogging);
      if (visit.outcome === 'denied') return send(request, reply, answers.denied(app.name, visit.reason));
      if (page) return reply.redirect(stepUpLocation(ctx, target), 303);
      return send(request, reply, answers.stepUp(app.name));
    }

    const headers = upstreamRequestHeaders(request.headers, {
      upstreamHost: app.upstream.host,
      clientIp: request.ip,
      publicProto,
      publicHost: request.headers.host ?? '',
      prefix: place.prefix,
      requestId: request.id,
      passAuthorization: app.passAuthorization,
      identity: identityHeaders(app, visit.identity, ctx.clock.now()),
    });

    if (upgrade) {
      const origin = request.headers.origin;
      // A page of another site must not open a WebSocket with the agent's cookies.
      const sameOrigin = origin === undefined || URL.parse(origin)?.host === request.headers.host;
      if (!app.websocket || !sameOrigin) {
        await recordVisit(ctx, metrics, app, { channel: 'gateway', outcome: 'denied', ...visitor, detail: 'WebSocket refusé' }, true);
        return send(request, reply, answers.websocketClosed(app.name));
      }
      await recordVisit(ctx, metrics, app, { channel: 'gateway', outcome: 'allowed', ...visitor, detail: 'WebSocket' }, true);
      reply.hijack();
      tunnel(place, upgrade, headers, (failure) => {
        const outcome = failure.kind === 'timeout' ? 'timeout' : 'upstream_error';
        recordVisit(ctx, metrics, app, { channel: 'gateway', outcome, ...visitor, detail: `WebSocket : ${failureDetail[failure.kind]}` }, true).catch((error) =>
          request.log.error({ err: error }, 'gateway access log failed'),
        );
      });
      return reply;
    }

    if (Number(request.headers['content-length'] ?? 0) > app.maxRequestBytes) {
      return failed(request, reply, place, visitor, new UpstreamFailure('request_too_large', 'declared length over the limit'));
    }
    const logged = recordVisit(ctx, metrics, app, { channel: 'gateway', outcome: 'allowed', ...visitor }, worthLogging).catch((error: unknown) => {
      request.log.error({ err: error }, 'gateway access log failed');
    });
    return forward(request, reply, place, visitor, headers, logged);
  }

  return { gateway, bodyFailed };
}
