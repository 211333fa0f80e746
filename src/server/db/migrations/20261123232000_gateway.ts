import { type Kysely, sql } from 'kysely';

// The identity-aware gateway: an internal web application (an `applications` row of kind 'gateway') published
// at /apps/<slug>/ on the portal, and optionally on a host name of its own, in front of an upstream only the
// administrators choose. Its bounds (times, sizes) and the secret that signs the agent's identity headers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gateway_routes')
    .addColumn('application_id', 'uuid', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('upstream_url', 'text', (c) => c.notNull().check(sql`upstream_url ~ '^https?://'`))
    // Matched on the Host header: the app then lives at the root of its own origin, apart from the portal's cookies.
    .addColumn('host', 'text', (c) => c.unique().check(sql`host ~ '^[a-z0-9.-]+(:[0-9]{1,5})?$'`))
    .addColumn('connect_timeout_ms', 'integer', (c) => c.notNull().check(sql`connect_timeout_ms between 100 and 60000`))
    .addColumn('total_timeout_ms', 'integer', (c) => c.notNull().check(sql`total_timeout_ms between 1000 and 3600000`))
    .addColumn('max_request_bytes', 'integer', (c) => c.notNull().check(sql`max_request_bytes >= 0`))
    .addColumn('max_response_bytes', 'integer', (c) => c.notNull().check(sql`max_response_bytes > 0`))
    .addColumn('websocket', 'boolean', (c) => c.notNull().defaultTo(false))
    // Most apps must never see the browser's Authorization header; an app doing its own Basic auth asks for it.
    .addColumn('pass_authorization', 'boolean', (c) => c.notNull().defaultTo(false))
    // Encrypted with the 'gateway-signature' key: the app's copy verifies the identity headers.
    .addColumn('signing_secret_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // A sign-in handed from the portal's host to an app's own host: used once, within a minute.
  await db.schema
    .createTable('gateway_handoffs')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('session_token_encrypted', 'text', (c) => c.notNull())
    .addColumn('return_path', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gateway_handoffs_expiry_idx').on('gateway_handoffs').column('expires_at').execute();
}
