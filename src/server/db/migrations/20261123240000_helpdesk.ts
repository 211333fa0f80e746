import { type Kysely, sql } from 'kysely';

// Helpdesk tickets (GLPI's shape, kept small): an agent's incident or request, its follow-ups (public ones
// the agent reads, private ones between support staff), its attachments, and the agent's satisfaction.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('helpdesk_tickets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The number agents read out on the phone.
    .addColumn('number', 'integer', (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('incident', 'request')`))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('connection', 'password', 'card', 'equipment', 'email', 'hr', 'other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('low', 'medium', 'high')`))
    .addColumn('impact', 'text', (c) => c.notNull().check(sql`impact in ('low', 'medium', 'high')`))
    // Stored, not derived on read: the queue sorts and computes targets on it in SQL.
    .addColumn('priority', 'text', (c) => c.notNull().check(sql`priority in ('very_high', 'high', 'medium', 'low')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('new', 'assigned', 'pending', 'solved', 'closed')`))
    .addColumn('assignee_id', 'uuid', (c) => c.references('agents.id'))
    // Filed from the sign-in page by someone who cannot sign in: support calls back.
    .addColumn('callback_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('callback_phone', 'text')
    .addColumn('callback_email', 'text')
    .addColumn('merged_into_id', 'uuid', (c) => c.references('helpdesk_tickets.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('owned_at', 'timestamptz')
    .addColumn('solved_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('satisfaction', 'smallint', (c) => c.check(sql`satisfaction between 1 and 5`))
    .addColumn('satisfaction_comment', 'text')
    .execute();
  await db.schema.createIndex('helpdesk_tickets_agent_idx').on('helpdesk_tickets').columns(['agent_id', 'created_at']).execute();
  await db.schema.createIndex('helpdesk_tickets_status_idx').on('helpdesk_tickets').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('helpdesk_followups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('ticket_id', 'uuid', (c) => c.notNull().references('helpdesk_tickets.id'))
    // Null: written by the portal itself (merge, automatic closing).
    .addColumn('author_id', 'uuid', (c) => c.references('agents.id'))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'private')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('comment', 'solution', 'event')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('helpdesk_followups_ticket_idx').on('helpdesk_followups').columns(['ticket_id', 'created_at']).execute();

  await db.schema
    .createTable('helpdesk_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('ticket_id', 'uuid', (c) => c.notNull().references('helpdesk_tickets.id'))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('agents.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes between 1 and 2097152`))
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('helpdesk_attachments_ticket_idx').on('helpdesk_attachments').column('ticket_id').execute();
}
