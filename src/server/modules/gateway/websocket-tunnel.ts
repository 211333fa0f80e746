import { type IncomingMessage, type OutgoingHttpHeaders, ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Place } from './gateway-place.ts';
import type { PublishedApps } from './published-apps.ts';
import { UpstreamFailure, upstreamRequest } from './upstream.ts';

type PendingUpgrade = { socket: Duplex; head: Buffer };
const pendingUpgrade = Symbol('nomades.pendingUpgrade');

/** The connection an upgrade request (WebSocket) arrived on, if this request is one. */
export function upgradeOf(raw: IncomingMessage): PendingUpgrade | undefined {
  return (raw as IncomingMessage & { [pendingUpgrade]?: PendingUpgrade })[pendingUpgrade];
}

/**
 * Upgrade requests skip Fastify's request handling; those for a published app are sent through its routing
 * all the same, so that they meet the very checks of an ordinary request (session, rule, logs) in the same
 * handler. A refusal is an ordinary HTTP answer on the connection, which then closes.
 */
export function routeUpgrades(app: FastifyInstance, apps: PublishedApps): void {
  app.server.on('upgrade', (raw: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const forGateway = (raw.url ?? '').startsWith('/apps/') || apps.slugOfHostNow(raw.headers.host) !== undefined;
    if (!forGateway) {
      if (app.server.listenerCount('upgrade') === 1) socket.destroy();
      return;
    }
    (raw as IncomingMessage & { [pendingUpgrade]?: PendingUpgrade })[pendingUpgrade] = { socket, head };
    const response = new ServerResponse(raw);
    response.assignSocket(socket as Socket);
    response.shouldKeepAlive = false;
    response.once('finish', () => socket.end());
    app.routing(raw, response);
  });
}

function rawAnswer(status: number, headers: Array<[string, string]> = []): string {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function pairsOf(rawHeaders: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return pairs.filter(([name]) => !/^set-cookie$/i.test(name));
}

/**
 * Opens the same upgrade on the upstream and, once it agrees (101), joins the two connections byte for byte.
 * Only reaching the upstream is timed: a WebSocket may then stay open as long as both ends want.
 */
export function tunnel(
  place: Place,
  pending: PendingUpgrade,
  headers: OutgoingHttpHeaders,
  onFailure: (failure: UpstreamFailure) => void,
): void {
  const { app } = place;
  const { socket, head } = pending;
  const request = upstreamRequest(app, undefined, {
    method: 'GET',
    path: place.upstreamPath,
    headers: { ...headers, connection: 'Upgrade', upgrade: 'websocket' },
  });
  const timer = setTimeout(() => request.destroy(new UpstreamFailure('timeout', 'no upgrade in time', app.totalTimeoutMs)), app.totalTimeoutMs);
  const closeEarly = () => request.destroy();
  socket.once('close', closeEarly);

  request.once('upgrade', (answer, upstreamSocket, upstreamHead) => {
    clearTimeout(timer);
    socket.off('close', closeEarly);
    socket.write(rawAnswer(101, pairsOf(answer.rawHeaders)));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    const end = () => {
      socket.destroy();
      upstreamSocket.destroy();
    };
    for (const side of [socket, upstreamSocket]) {
      side.once('error', end);
      side.once('close', end);
    }
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
  });

  // The upstream answered without upgrading (an error page, a redirect): the browser gets that answer.
  request.once('response', (answer) => {
    clearTimeout(timer);
    socket.write(rawAnswer(answer.statusCode ?? 502, [...pairsOf(answer.rawHeaders).filter(([name]) => !/^(connection|transfer-encoding)$/i.test(name)), ['connection', 'close']]));
    answer.pipe(socket);
  });

  request.once('error', (error) => {
    clearTimeout(timer);
    const failure = error instanceof UpstreamFailure ? error : new UpstreamFailure('down', (error as { code?: string }).code ?? 'unknown');
    onFailure(failure);
    if (!socket.destroyed) socket.end(rawAnswer(failure.kind === 'timeout' ? 504 : 502, [['connection', 'close'], ['content-length', '0']]));
  });
  request.end();
}
