import type { FastifyRequest } from 'fastify';
import UAParser from 'ua-parser-js';
import type { AppContext } from '../app-context.ts';

export type NetworkZone = 'internal' | 'external';

export type ClientInfo = {
  ip: string;
  zone: NetworkZone;
  userAgent: string;
  browser: string;
  os: string;
  deviceType: string;
  deviceLabel: string;
};

// Where a request comes from, as the agent would describe it: "Firefox on Windows, from home".
export function clientOf(ctx: AppContext, request: FastifyRequest): ClientInfo {
  const userAgent = (request.headers['user-agent'] ?? '').slice(0, 512);
  const parsed = new UAParser(userAgent).getResult();
  const browser = [parsed.browser.name, parsed.browser.major].filter(Boolean).join(' ');
  const os = [parsed.os.name, parsed.os.version].filter(Boolean).join(' ');
  const deviceType = parsed.device.type ?? 'desktop';
  return {
    ip: request.ip,
    zone: ctx.isInternalNetwork(request.ip) ? 'internal' : 'external',
    userAgent,
    browser,
    os,
    deviceType,
    deviceLabel: [browser || 'Navigateur inconnu', os].filter(Boolean).join(' — '),
  };
}
