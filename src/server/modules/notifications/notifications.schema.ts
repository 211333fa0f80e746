import { z } from 'zod';

export const NotificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});

export const NotificationList = z.object({ unread: z.number().int(), items: z.array(NotificationView) }).meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) });

export const MarkReadBody = z
  .union([z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()])
  .meta({ id: 'MarkNotificationsReadBody' });

export const UnreadCount = z.object({ unread: z.number().int() });

export const EmailPreference = z.enum(['immediate', 'daily_digest', 'never']);
export const NotificationPreferences = z.object({ email: EmailPreference }).strict().meta({ id: 'NotificationPreferences' });
