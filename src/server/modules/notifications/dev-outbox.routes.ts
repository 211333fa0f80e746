import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Config } from '../../config.ts';
import { DevOutboxResponse, type OutboxMessageStatus } from './dev-outbox.schema.ts';
import { listLatestMessages, type OutboxChannel } from './outbox.repo.ts';

const LATEST = 100;

// The demo's mailbox holds reset links and codes for anyone who asks, so it exists only where nothing is
// really sent (no SMTP_URL) and never in production.
export function devOutboxEnabled(config: Config): boolean {
  return config.smtpUrl === undefined && config.env !== 'production';
}

// Not registered at all otherwise: the path answers 404 like any unknown one and stays out of the OpenAPI document.
export async function devOutboxRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!devOutboxEnabled(ctx.config)) return;

  app.get(
    '/api/dev/outbox',
    {
      schema: {
        operationId: 'listDevOutbox',
        tags: ['démonstration'],
        summary: 'Boîte d’envoi locale de la démonstration : les 100 derniers e-mails et SMS, du plus récent au plus ancien',
        response: { 200: DevOutboxResponse },
      },
    },
    async () => {
      const messages = await listLatestMessages(ctx.db, LATEST);
      return messages.map((m) => ({
        id: m.id,
        channel: m.channel as OutboxChannel,
        recipient: m.recipient,
        subject: m.subject,
        body: m.body,
        createdAt: m.created_at.toISOString(),
        sentAt: m.sent_at?.toISOString() ?? null,
        status: statusOf(m),
      }));
    },
  );
}

function statusOf(message: { sent_at: Date | null; failed_at: Date | null }): OutboxMessageStatus {
  if (message.sent_at) return 'sent';
  return message.failed_at ? 'failed' : 'pending';
}
