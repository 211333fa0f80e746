import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

// A browser-like client over app.inject: keeps cookies, fetches and sends the CSRF token.
export type TestClient = {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string): void;
  forget(name: string): void;
  ip: string;
};

export function testClient(
  app: FastifyInstance,
  options: { ip?: string; userAgent?: string } = {},
): TestClient {
  const jar = new Map<string, string>();
  let csrfToken: string | undefined;
  const userAgent =
    options.userAgent ?? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
  const client: TestClient = {
    ip: options.ip ?? '203.0.113.10',
    async request(method, url, body, headers = {}) {
      if (method !== 'GET' && method !== 'HEAD' && !csrfToken && url.startsWith('/api/')) {
        const res = await client.get('/api/auth/csrf');
        csrfToken = res.json().token;
      }
      const cookieHeader = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await app.inject({
        method: method as 'GET',
        url,
        remoteAddress: client.ip,
        headers: {
          'user-agent': userAgent,
          ...(cookieHeader ? { cookie: cookieHeader } : {}),
          ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
        const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
        if (expired) jar.delete(c.name);
        else jar.set(c.name, c.value);
      }
      return res;
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    delete: (url) => client.request('DELETE', url),
    cookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
    forget: (name) => void jar.delete(name),
  };
  return client;
}
