import { type Kysely, sql } from 'kysely';

// One approval engine for every request an agent files (leave, telework, training, mobility…): the request,
// its dated steps, the managers' delegations while absent; and the notifications that tell people about
// them, in the portal (live) and by e-mail (at once or in a daily digest).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'refused', 'withdrawn', 'cancelled')`))
    // Whose answer it awaits while pending: the agent's manager (n+1, or their delegate), then HR if the kind asks.
    .addColumn('step', 'text', (c) => c.check(sql`step in ('manager', 'hr')`))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('decision_reason', 'text')
    // A legal deadline for the answer (telework: one month), shown as a countdown and escalated when near.
    .addColumn('answer_due_on', 'date')
    .addColumn('last_reminded_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    // The client's key for one submission: a retried or double-clicked form finds the request it created.
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addCheckConstraint('requests_pending_has_step', sql`(status = 'pending') = (step is not null)`)
    .execute();
  await db.schema.createIndex('requests_idempotency_idx').on('requests').columns(['agent_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('requests_agent_idx').on('requests').columns(['agent_id', 'submitted_at']).execute();
  await sql`create index requests_pending_idx on requests (step, submitted_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('request_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('submitted', 'approved', 'forwarded_to_hr', 'refused', 'withdrawn', 'cancelled', 'reminded', 'escalated')`),
    )
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('request_events_request_idx').on('request_events').columns(['request_id', 'at']).execute();

  await db.schema
    .createTable('approval_delegations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('manager_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('delegate_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addCheckConstraint('approval_delegations_dates', sql`ends_on >= starts_on`)
    .addCheckConstraint('approval_delegations_not_self', sql`manager_id <> delegate_id`)
    .execute();
  await db.schema.createIndex('approval_delegations_delegate_idx').on('approval_delegations').columns(['delegate_id', 'ends_on']).execute();
  await db.schema.createIndex('approval_delegations_manager_idx').on('approval_delegations').columns(['manager_id', 'ends_on']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    // Set once the daily digest (or the immediate e-mail) has carried it.
    .addColumn('emailed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_agent_idx').on('notifications').columns(['agent_id', 'created_at']).execute();
  await sql`create index notifications_unread_idx on notifications (agent_id) where read_at is null`.execute(db);
  await sql`create index notifications_digest_idx on notifications (agent_id) where emailed_at is null`.execute(db);

  await db.schema
    .createTable('notification_preferences')
    .addColumn('agent_id', 'uuid', (c) => c.primaryKey().references('agents.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email in ('immediate', 'daily_digest', 'never')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    // The Paris day of the last digest: one a day at most, whatever the job's period.
    .addColumn('last_digest_on', 'date')
    .execute();
}
