import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { DEVICE_COOKIE, deviceCookieOptions, SESSION_COOKIE, sessionCookieOptions } from '../../http/cookies.ts';
import { randomToken } from '../../security/keys.ts';
import type { SessionStage } from './session.repo.ts';
import type { NextStep } from './sign-in.schema.ts';

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions);
}

// The browser's long-lived device id, kept only as an HMAC so the table cannot be replayed as cookies.
export function deviceHashOf(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  let device = request.cookies[DEVICE_COOKIE];
  if (!device || !/^[A-Za-z0-9_-]{43}$/.test(device)) {
    device = randomToken();
    reply.setCookie(DEVICE_COOKIE, device, deviceCookieOptions);
  }
  return ctx.keys.mac('device', device);
}

export function toNextStep(stage: SessionStage): NextStep {
  return stage === 'active' ? 'done' : stage;
}
