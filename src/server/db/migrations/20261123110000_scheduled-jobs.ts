import { type Kysely, sql } from 'kysely';

// Scheduled work shared by every instance: a job runs on the instance that claims its lease first.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull())
    // Set while an instance runs the job; a crashed instance's lease simply runs out.
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_started_at', 'timestamptz')
    .addColumn('last_finished_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();

  // Delivery gives up after a number of attempts; the message stays, marked, for the support team.
  await db.schema.alterTable('outbox_messages').addColumn('failed_at', 'timestamptz').execute();
  await sql`drop index outbox_messages_pending_idx`.execute(db);
  await sql`create index outbox_messages_pending_idx on outbox_messages (next_attempt_at) where sent_at is null and failed_at is null`.execute(
    db,
  );
  // The delivered-message purge and the demo mailbox read by age.
  await db.schema.createIndex('outbox_messages_created_idx').on('outbox_messages').column('created_at').execute();
}
