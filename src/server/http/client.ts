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

type Device = Pick<ClientInfo, 'browser' | 'os' | 'deviceType' | 'deviceLabel'>;

// Parsing a user agent runs dozens of regular expressions; agents send the same few strings all day.
const devices = new Map<string, Device>();
const DEVICE_CACHE_SIZE = 1_000;

function deviceOf(userAgent: string): Device {
  const known = devices.get(userAgent);
  if (known) return known;
  const parsed = new UAParser(userAgent).getResult();
  const browser = [parsed.browser.name, parsed.browser.major].filter(Boolean).join(' ');
  const os = [parsed.os.name, parsed.os.version].filter(Boolean).join(' ');
  const device: Device = {
    browser,
    os,
    deviceType: parsed.device.type ?? 'desktop',
    deviceLabel: [browser || 'Navigateur inconnu', os].filter(Boolean).join(' — '),
  };
  if (devices.size >= DEVICE_CACHE_SIZE) devices.delete(devices.keys().next().value as string);
  devices.set(userAgent, device);
  return device;
}

// Where a request comes from, as the agent would describe it: "Firefox on Windows, from home".
export function clientOf(ctx: AppContext, request: FastifyRequest): ClientInfo {
  const userAgent = (request.headers['user-agent'] ?? '').slice(0, 512);
  return {
    ip: request.ip,
    zone: ctx.isInternalNetwork(request.ip) ? 'internal' : 'external',
    userAgent,
    ...deviceOf(userAgent),
  };
}
