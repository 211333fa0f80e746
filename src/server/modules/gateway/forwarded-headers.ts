import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

// Headers that describe one connection, not the message (RFC 9110 §7.6.1): never passed on.
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

// Whatever an app might take for an identity, a client address or an original URL set by a trusted proxy:
// only the gateway says these. Compared with '_' read as '-', as PHP and CGI servers do.
const spoofablePrefixes = ['x-nomades-', 'x-forwarded-', 'x-remote-', 'x-auth-request-', 'x-webauth-', 'x-original-'];
const spoofable = new Set([
  'forwarded',
  'remote-user',
  'x-user',
  'x-email',
  'x-real-ip',
  'x-client-ip',
  'x-rewrite-url',
  'x-request-id',
  'x-csrf-token',
  'cf-connecting-ip',
  'true-client-ip',
]);

const isSpoofable = (name: string) => {
  const dashed = name.replaceAll('_', '-');
  return spoofable.has(dashed) || spoofablePrefixes.some((prefix) => dashed.startsWith(prefix));
};

// The portal's own cookies (session, CSRF, device) would let the app act as the agent on the portal.
const isPortalCookie = (name: string) => /^(__host-|__secure-)?nomades-/i.test(name.trim());

function withoutPortalCookies(cookie: string): string | undefined {
  const kept = cookie
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair && !isPortalCookie(pair.split('=')[0] ?? ''));
  return kept.length > 0 ? kept.join('; ') : undefined;
}

function connectionTokens(headers: IncomingHttpHeaders | Record<string, unknown>): Set<string> {
  const value = headers.connection;
  return new Set(typeof value === 'string' ? value.split(',').map((token) => token.trim().toLowerCase()) : []);
}

export type Forwarding = {
  upstreamHost: string;
  clientIp: string;
  publicProto: string;
  publicHost: string;
  /** '/apps/<slug>' on the portal's host; '' on an app's own host. */
  prefix: string;
  requestId: string;
  passAuthorization: boolean;
  identity: Record<string, string>;
};

/** The request's headers as the upstream receives them: the client's, cleaned, plus the gateway's own. */
export function upstreamRequestHeaders(incoming: IncomingHttpHeaders, forwarding: Forwarding): OutgoingHttpHeaders {
  const listed = connectionTokens(incoming);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || hopByHop.has(name) || listed.has(name) || name === 'host' || isSpoofable(name)) continue;
    if (name === 'authorization' && !forwarding.passAuthorization) continue;
    if (name === 'cookie') {
      const kept = withoutPortalCookies(Array.isArray(value) ? value.join('; ') : value);
      if (kept) headers.cookie = kept;
      continue;
    }
    headers[name] = value;
  }
  headers.host = forwarding.upstreamHost;
  headers['x-forwarded-for'] = forwarding.clientIp;
  headers['x-forwarded-proto'] = forwarding.publicProto;
  headers['x-forwarded-host'] = forwarding.publicHost;
  if (forwarding.prefix) headers['x-forwarded-prefix'] = forwarding.prefix;
  headers['x-request-id'] = forwarding.requestId;
  Object.assign(headers, forwarding.identity);
  return headers;
}

// The portal sets its own; an app must not weaken them for the whole host.
const keptFromPortal = new Set(['strict-transport-security', 'alt-svc']);

/**
 * The upstream's response headers as the browser receives them. `publicLocation` maps a redirect aimed at the
 * upstream itself to the app's public address; a redirect elsewhere is left as it is (the gateway follows none).
 */
export function downstreamResponseHeaders(
  incoming: IncomingHttpHeaders,
  publicLocation: (location: string) => string,
): Record<string, string | string[]> {
  const listed = connectionTokens(incoming);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || hopByHop.has(name) || listed.has(name) || keptFromPortal.has(name)) continue;
    if (name === 'set-cookie') {
      const cookies = (Array.isArray(value) ? value : [value]).filter((c) => !isPortalCookie(c.split('=')[0] ?? ''));
      if (cookies.length > 0) headers[name] = cookies;
      continue;
    }
    headers[name] = name === 'location' && typeof value === 'string' ? publicLocation(value) : value;
  }
  return headers;
}

/**
 * A Location from the upstream, as a path on the app's public side (see downstreamResponseHeaders): `prefix` is
 * '/apps/<slug>' on the portal's host, '' on the app's own host.
 */
export function locationMapper(upstream: URL, prefix: string): (location: string) => string {
  return (location) => {
    // "login" or "../list": the browser resolves these against the public address already.
    if (!/^([a-z][a-z0-9+.-]*:|\/)/i.test(location)) return location;
    let target: URL;
    try {
      target = new URL(location, upstream);
    } catch {
      return location;
    }
    if (target.origin !== upstream.origin) return location;
    const base = upstream.pathname;
    const rest = target.pathname.startsWith(base) ? target.pathname.slice(base.length) : target.pathname.replace(/^\//, '');
    return `${prefix}/${rest}${target.search}${target.hash}`;
  };
}
