import type { CookieSerializeOptions } from '@fastify/cookie';

// __Host- cookies are only accepted over HTTPS, for the exact host, on path /: no subdomain can plant one.
export const SESSION_COOKIE = '__Host-nomades-session';
export const CSRF_COOKIE = '__Host-nomades-csrf';
export const DEVICE_COOKIE = '__Host-nomades-device';

export const sessionCookieOptions: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
};

export const csrfCookieOptions: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
};

// Recognises a browser already used by the agent, to warn them of sign-ins from new devices.
export const deviceCookieOptions: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
  maxAge: 400 * 24 * 3600,
};
