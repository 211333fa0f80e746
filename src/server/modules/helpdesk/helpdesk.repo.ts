import { type Expression, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { inPerimeter, type Perimeter } from '../support-console/index.ts';
import { type Priority, priorities, serviceTargets, type TicketStatus } from './helpdesk-rules.ts';
import type { QueueQuery } from './helpdesk.schema.ts';

export type NewTicketRow = {
  agentId: string;
  kind: string;
  category: string;
  title: string;
  description: string;
  urgency: string;
  impact: string;
  priority: Priority;
  callback?: { phone: string | null; email: string | null };
  at: Date;
};

export async function insertTicket(db: Db, t: NewTicketRow): Promise<{ id: string; number: number }> {
  return db
    .insertInto('helpdesk_tickets')
    .values({
      agent_id: t.agentId,
      kind: t.kind,
      category: t.category,
      title: t.title,
      description: t.description,
      urgency: t.urgency,
      impact: t.impact,
      priority: t.priority,
      status: 'new',
      callback_requested: t.callback !== undefined,
      callback_phone: t.callback?.phone ?? null,
      callback_email: t.callback?.email ?? null,
      created_at: t.at,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

export async function insertFollowup(
  db: Db,
  f: { ticketId: string; authorId: string | null; visibility: 'public' | 'private'; kind: 'comment' | 'solution' | 'event'; body: string; at: Date },
): Promise<void> {
  await db
    .insertInto('helpdesk_followups')
    .values({ ticket_id: f.ticketId, author_id: f.authorId, visibility: f.visibility, kind: f.kind, body: f.body, created_at: f.at })
    .execute();
}

export async function insertAttachment(
  db: Db,
  a: { ticketId: string; uploadedBy: string; fileName: string; contentType: string; content: Buffer; at: Date },
): Promise<void> {
  await db
    .insertInto('helpdesk_attachments')
    .values({
      ticket_id: a.ticketId,
      uploaded_by: a.uploadedBy,
      file_name: a.fileName,
      content_type: a.contentType,
      size_bytes: a.content.length,
      content: a.content,
      created_at: a.at,
    })
    .execute();
}

// When each target falls due, computed in SQL from the constant table so the queue can sort and filter on it.
function dueAt(target: 'ownMs' | 'resolveMs'): RawBuilder<Date> {
  const cases = priorities.map((p) => sql`when ${p} then ${serviceTargets[p][target]}::bigint`);
  return sql<Date>`(t.created_at + (case t.priority ${sql.join(cases, sql` `)} end) * interval '1 millisecond')`;
}
const ownOverdue = (now: Date) => sql<boolean>`(t.status = 'new' and ${dueAt('ownMs')} < ${now})`;
const resolveOverdue = (now: Date) => sql<boolean>`(t.status in ('new', 'assigned', 'pending') and ${dueAt('resolveMs')} < ${now})`;

function ticketsWithPeople(db: Db) {
  return db
    .selectFrom('helpdesk_tickets as t')
    .innerJoin('agents as a', 'a.id', 't.agent_id')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('agents as s', 's.id', 't.assignee_id')
    .leftJoin('helpdesk_tickets as m', 'm.id', 't.merged_into_id');
}

// Who the ticket is for, who holds it, and its targets: the queue and the ticket page show the same.
const peopleAndTargets = (now: Date) =>
  [
    'a.badge_number as agentBadge',
    'a.first_name as agentFirstName',
    'a.last_name as agentLastName',
    'd.code as departmentCode',
    's.badge_number as assigneeBadge',
    's.first_name as assigneeFirstName',
    's.last_name as assigneeLastName',
    dueAt('ownMs').as('ownBy'),
    dueAt('resolveMs').as('resolveBy'),
    ownOverdue(now).as('ownOverdue'),
    resolveOverdue(now).as('resolveOverdue'),
  ] as const;

export function findTicket(db: Db, ticketId: string, now: Date) {
  return ticketsWithPeople(db)
    .selectAll('t')
    .select([
      'm.number as mergedIntoNumber',
      ...peopleAndTargets(now),
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirst();
}
export type TicketRow = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

export function findTicketIdByNumber(db: Db, number: number) {
  return db.selectFrom('helpdesk_tickets').select(['id']).where('number', '=', number).executeTakeFirst();
}

export function listTicketsOf(db: Db, agentId: string) {
  return db
    .selectFrom('helpdesk_tickets')
    .select(['id', 'number', 'kind', 'category', 'title', 'status', 'priority', 'created_at', 'callback_requested'])
    .where('agent_id', '=', agentId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export function listFollowups(db: Db, ticketId: string, includePrivate: boolean) {
  let query = db
    .selectFrom('helpdesk_followups as f')
    .leftJoin('agents as w', 'w.id', 'f.author_id')
    .select(['f.id', 'f.kind', 'f.visibility', 'f.body', 'f.created_at', 'w.badge_number', 'w.first_name', 'w.last_name'])
    .where('f.ticket_id', '=', ticketId);
  if (!includePrivate) query = query.where('f.visibility', '=', 'public');
  return query.orderBy('f.created_at').orderBy('f.id').execute();
}

export function listAttachments(db: Db, ticketId: string) {
  return db
    .selectFrom('helpdesk_attachments')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'created_at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .execute();
}

export function findAttachment(db: Db, ticketId: string, attachmentId: string) {
  return db
    .selectFrom('helpdesk_attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('ticket_id', '=', ticketId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export type TicketChange = Partial<{
  status: TicketStatus;
  assignee_id: string | null;
  impact: string;
  priority: Priority;
  owned_at: Date;
  solved_at: Date | null;
  closed_at: Date;
  merged_into_id: string;
  satisfaction: number;
  satisfaction_comment: string | null;
}>;

export async function updateTicket(db: Db, ticketId: string, change: TicketChange): Promise<void> {
  await db.updateTable('helpdesk_tickets').set(change).where('id', '=', ticketId).execute();
}

export async function moveTicketContents(db: Db, fromId: string, toId: string): Promise<void> {
  await db.updateTable('helpdesk_followups').set({ ticket_id: toId }).where('ticket_id', '=', fromId).execute();
  await db.updateTable('helpdesk_attachments').set({ ticket_id: toId }).where('ticket_id', '=', fromId).execute();
}

export function solvedBefore(db: Db, cutoff: Date) {
  return db.selectFrom('helpdesk_tickets').select(['id', 'number', 'agent_id']).where('status', '=', 'solved').where('solved_at', '<', cutoff).execute();
}

const PAGE_SIZE = 25;

export async function listQueue(db: Db, perimeter: Perimeter, supportAgentId: string, q: QueueQuery, now: Date) {
  let query = ticketsWithPeople(db).where(inPerimeter(perimeter));
  if (q.status === 'open') query = query.where('t.status', 'in', ['new', 'assigned', 'pending', 'solved']);
  else query = query.where('t.status', '=', q.status);
  if (q.priority) query = query.where('t.priority', '=', q.priority);
  if (q.category) query = query.where('t.category', '=', q.category);
  if (q.assignee === 'me') query = query.where('t.assignee_id', '=', supportAgentId);
  if (q.assignee === 'nobody') query = query.where('t.assignee_id', 'is', null);
  if (q.overdue === 'true') query = query.where(sql<boolean>`(${ownOverdue(now)} or ${resolveOverdue(now)})`);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rank = sql`case t.priority ${sql.join(priorities.map((p, i) => sql`when ${p} then ${i}`), sql` `)} end`;
  const items = await query
    .select([
      't.id',
      't.number',
      't.kind',
      't.category',
      't.title',
      't.status',
      't.priority',
      't.created_at',
      't.callback_requested',
      ...peopleAndTargets(now),
    ])
    // Overdue first, then the most pressing priority, then the oldest.
    .orderBy(sql`(${ownOverdue(now)} or ${resolveOverdue(now)})` as Expression<boolean>, 'desc')
    .orderBy(rank as Expression<number>)
    .orderBy('t.created_at')
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE)
    .execute();
  return { items, total: Number(total), page: q.page, pageSize: PAGE_SIZE };
}
export type QueueRow = Awaited<ReturnType<typeof listQueue>>['items'][number];
