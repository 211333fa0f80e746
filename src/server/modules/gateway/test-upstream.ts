import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// An internal application that knows nothing of SSO, as the gateway tests (and the benchmark) meet it: a real
// HTTP server on the loopback that says what it received.

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders; bodyBytes: number };

export type TestUpstream = {
  url: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
};

const page = (title: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><main><h1>${title}</h1><p>Planning des astreintes de la semaine.</p></main></body></html>`;

// WebSocket frames (RFC 6455), just enough to echo short text messages back with the agent's badge number.
function echoWebSocket(request: http.IncomingMessage, socket: Socket): void {
  const accept = createHash('sha1').update(`${request.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const badge = String(request.headers['x-nomades-badge'] ?? '?');
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 6) {
      const opcode = (pending[0] ?? 0) & 0x0f;
      const length = (pending[1] ?? 0) & 0x7f;
      if (length > 125 || pending.length < 6 + length) return;
      const mask = pending.subarray(2, 6);
      const text = Buffer.from(pending.subarray(6, 6 + length)).map((byte, i) => byte ^ (mask[i % 4] ?? 0));
      pending = pending.subarray(6 + length);
      if (opcode === 0x8) {
        socket.end(Buffer.from([0x88, 0]));
        return;
      }
      const reply = Buffer.from(`${badge} : ${Buffer.from(text).toString('utf8')}`);
      socket.write(Buffer.concat([Buffer.from([0x81, reply.length]), reply]));
    }
  });
  socket.on('error', () => socket.destroy());
}

export async function startTestUpstream(): Promise<TestUpstream> {
  const seen: SeenRequest[] = [];
  const server: Server = http.createServer((request, response) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
    });
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, bodyBytes });
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/hang') return;
      if (path === '/redirect-away') {
        response.writeHead(302, { location: new URL(request.url ?? '/', 'http://upstream.invalid').searchParams.get('to') ?? '/' }).end();
        return;
      }
      if (path === '/redirect-self') {
        response.writeHead(302, { location: `http://127.0.0.1:${port}/suite?x=1` }).end();
        return;
      }
      if (path === '/headers') {
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['app_pref=1; Path=/', '__Host-nomades-session=planted; Path=/'] });
        response.end(JSON.stringify(request.headers));
        return;
      }
      if (path === '/upload') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bodyBytes }));
        return;
      }
      if (path === '/big') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(64 * 1024));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Astreintes'));
    });
  });
  server.on('upgrade', (request, socket: Socket) => {
    seen.push({ method: 'UPGRADE', url: request.url ?? '', headers: request.headers, bodyBytes: 0 });
    echoWebSocket(request, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: an application that is down. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
