import http, { type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { type Readable, Transform } from 'node:stream';
import type { PublishedApp } from './published-apps.ts';

/** Why an exchange with the upstream ended before its response: each has its own page. */
export class UpstreamFailure extends Error {
  readonly kind: 'down' | 'timeout' | 'request_too_large' | 'response_too_large' | 'client_gone';
  readonly timeoutMs: number;

  constructor(kind: UpstreamFailure['kind'], detail: string, timeoutMs = 0) {
    super(detail);
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.timeoutMs = timeoutMs;
  }
}

// Connections to the upstreams are reused between requests: a new TCP (and TLS) handshake each time would
// be most of the gateway's overhead.
export function createUpstreamAgents() {
  const options = { keepAlive: true, maxSockets: 256, maxFreeSockets: 32, timeout: 60_000 };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return {
    ...agents,
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
export type UpstreamAgents = ReturnType<typeof createUpstreamAgents>;

/** Counts the bytes going through, and fails once there are more than `max`. */
export function byteLimit(max: number, failure: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(failure());
      else done(null, chunk);
    },
  });
}

function classify(error: unknown, app: PublishedApp, signal: AbortSignal | undefined): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  if (signal?.aborted) {
    const timedOut = (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
    return timedOut ? new UpstreamFailure('timeout', 'total time exceeded', app.totalTimeoutMs) : new UpstreamFailure('client_gone', 'client went away');
  }
  const code = (error as { code?: string }).code ?? 'unknown';
  return new UpstreamFailure('down', code);
}

// The total time bounds the whole exchange (signal); a separate, shorter bound catches an upstream host that
// does not even accept the connection.
function boundConnection(request: ClientRequest, app: PublishedApp): void {
  request.once('socket', (socket: Socket) => {
    if (!socket.connecting) return;
    const timer = setTimeout(() => request.destroy(new UpstreamFailure('timeout', 'connect timeout', app.connectTimeoutMs)), app.connectTimeoutMs);
    socket.once(app.upstream.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
    request.once('close', () => clearTimeout(timer));
  });
}

export type UpstreamInit = {
  method: string;
  /** Path and query on the upstream. */
  path: string;
  headers: OutgoingHttpHeaders;
  /** The client's body, streamed as it arrives (never held whole in memory). */
  body?: Readable;
  /** Bounds the whole exchange, body included (not given for an upgrade: the tunnel may last). */
  signal?: AbortSignal;
};

export function upstreamRequest(app: PublishedApp, agents: UpstreamAgents | undefined, init: UpstreamInit): ClientRequest {
  const secure = app.upstream.protocol === 'https:';
  const request = (secure ? https : http).request({
    protocol: app.upstream.protocol,
    hostname: app.upstream.hostname.replace(/^\[|\]$/g, ''),
    port: app.upstream.port || undefined,
    method: init.method,
    path: init.path,
    headers: init.headers,
    // An upgraded connection is never given back to a pool.
    agent: agents ? (secure ? agents.https : agents.http) : false,
    signal: init.signal,
  });
  boundConnection(request, app);
  return request;
}

/** Sends the request and waits for the upstream's response headers; rejects with an UpstreamFailure. */
export function exchange(app: PublishedApp, agents: UpstreamAgents, init: UpstreamInit): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = upstreamRequest(app, agents, init);
    request.once('response', resolve);
    request.once('error', (error) => reject(classify(error, app, init.signal)));
    const { body } = init;
    if (!body) {
      request.end();
      return;
    }
    const limit = byteLimit(app.maxRequestBytes, () => new UpstreamFailure('request_too_large', 'request body over the limit'));
    limit.once('error', (error) => request.destroy(error));
    body.once('error', () => request.destroy(new UpstreamFailure('client_gone', 'client aborted')));
    body.once('aborted', () => request.destroy(new UpstreamFailure('client_gone', 'client aborted')));
    body.pipe(limit).pipe(request);
  });
}
