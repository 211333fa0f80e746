import { z } from 'zod';

export const OutboxMessageStatus = z.enum(['pending', 'sent', 'failed']);
export type OutboxMessageStatus = z.infer<typeof OutboxMessageStatus>;

export const DevOutboxMessage = z
  .object({
    id: z.string(),
    channel: z.enum(['email', 'sms']),
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    status: OutboxMessageStatus,
  })
  .meta({ id: 'DevOutboxMessage' });
export type DevOutboxMessage = z.infer<typeof DevOutboxMessage>;

export const DevOutboxResponse = z.array(DevOutboxMessage).meta({ id: 'DevOutbox' });
export type DevOutboxResponse = z.infer<typeof DevOutboxResponse>;
