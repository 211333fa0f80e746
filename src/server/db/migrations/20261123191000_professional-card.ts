import { type Kysely, sql } from 'kysely';

// Professional cards, their replacement after a loss or theft, and the outbox of events for the
// building-access system (delivered by a job, retried until acknowledged, never dropped).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('professional_cards')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'blocked', 'replaced')`))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('blocked_at', 'timestamptz')
    .addColumn('replaced_at', 'timestamptz')
    .execute();
  // One card in use (active or blocked) per agent at any time.
  await sql`create unique index professional_cards_current_idx on professional_cards (agent_id) where status <> 'replaced'`.execute(db);

  await db.schema
    .createTable('card_replacements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agent_id', 'uuid', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('card_id', 'uuid', (c) => c.notNull().references('professional_cards.id').onDelete('cascade'))
    .addColumn('new_card_id', 'uuid', (c) => c.references('professional_cards.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('lost', 'stolen')`))
    .addColumn('loss_date', 'date')
    .addColumn('comment', 'text')
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage in ('declared', 'blocked', 'replacement_ordered', 'ready_to_collect', 'handed_over')`),
    )
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull())
    .addColumn('blocked_at', 'timestamptz')
    .addColumn('replacement_ordered_at', 'timestamptz')
    .addColumn('ready_to_collect_at', 'timestamptz')
    .addColumn('handed_over_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('card_replacements_agent_idx').on('card_replacements').columns(['agent_id', 'declared_at']).execute();
  // One replacement in progress per card.
  await sql`create unique index card_replacements_open_idx on card_replacements (card_id) where stage <> 'handed_over'`.execute(db);

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index webhook_events_due_idx on webhook_events (next_attempt_at) where delivered_at is null`.execute(db);
}
