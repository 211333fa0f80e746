import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { currentSession } from '../identity/session.guard.ts';
import { unreadCount } from './agent-notifications.repo.ts';

// A comment line every 25 s keeps proxies from closing a quiet stream (most cut at 30 to 60 s).
const HEARTBEAT_MS = 25_000;
// The stream ends with the session (idle or absolute expiry) and at the latest after ten minutes: the
// browser reconnects, and the new request checks the session again.
const MAX_STREAM_MS = 10 * 60_000;

export async function openNotificationStream(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = currentSession(request);
  const agentId = session.agentId;
  const queued: number[] = [];
  let streaming = false;
  let open = true;
  let heartbeat: NodeJS.Timeout | undefined;
  let end: NodeJS.Timeout | undefined;
  const send = (unread: number) => {
    if (open) reply.raw.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
  };
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    clearTimeout(end);
    unsubscribe();
    if (streaming) reply.raw.end();
  };
  // Subscribed before the first count is read, so nothing that happens in between is missed.
  const unsubscribe = await ctx.live.subscribe(agentId, (event) => (streaming ? send(event.unread) : queued.push(event.unread)), close);
  let first: number;
  try {
    first = await unreadCount(ctx.db, agentId);
  } catch (error) {
    close();
    throw error;
  }

  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Tells nginx-like proxies not to buffer the stream.
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  streaming = true;
  reply.raw.write('retry: 5000\n\n');
  send(first);
  for (const unread of queued.splice(0)) send(unread);

  const now = ctx.clock.now().getTime();
  const endsIn = Math.max(1_000, Math.min(MAX_STREAM_MS, session.idleExpiresAt.getTime() - now, session.expiresAt.getTime() - now));
  heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  end = setTimeout(close, endsIn);
  request.raw.on('close', close);
}
