import type { Db } from '../../db/connection.ts';
import type { RequestRecord, RequestStatus, RequestStep } from './request-kinds.ts';

export type RequestAction = 'submitted' | 'approved' | 'forwarded_to_hr' | 'refused' | 'withdrawn' | 'cancelled' | 'reminded' | 'escalated';

const columns = ['id', 'agent_id', 'kind', 'summary', 'status', 'step', 'submitted_at', 'answer_due_on'] as const;

type Row = { id: string; agent_id: string; kind: string; summary: string; status: string; step: string | null; submitted_at: Date; answer_due_on: string | null };

export function toRecord(row: Row): RequestRecord {
  return {
    id: row.id,
    agentId: row.agent_id,
    kind: row.kind,
    summary: row.summary,
    status: row.status as RequestStatus,
    step: row.step as RequestStep | null,
    submittedAt: row.submitted_at,
    answerDueOn: row.answer_due_on,
  };
}

export async function findByIdempotencyKey(db: Db, agentId: string, key: string): Promise<RequestRecord | undefined> {
  const row = await db.selectFrom('requests').select(columns).where('agent_id', '=', agentId).where('idempotency_key', '=', key).executeTakeFirst();
  return row && toRecord(row);
}

export async function insertRequest(
  db: Db,
  r: { agentId: string; kind: string; summary: string; step: RequestStep; at: Date; answerDueOn: string | null; idempotencyKey: string },
): Promise<RequestRecord> {
  const row = await db
    .insertInto('requests')
    .values({ agent_id: r.agentId, kind: r.kind, summary: r.summary, status: 'pending', step: r.step, submitted_at: r.at, answer_due_on: r.answerDueOn, idempotency_key: r.idempotencyKey })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function lockRequest(db: Db, id: string): Promise<RequestRecord | undefined> {
  const row = await db.selectFrom('requests').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && toRecord(row);
}

export async function findRequest(db: Db, id: string): Promise<(RequestRecord & { decidedAt: Date | null; decisionReason: string | null }) | undefined> {
  const row = await db.selectFrom('requests').select([...columns, 'decided_at', 'decision_reason']).where('id', '=', id).executeTakeFirst();
  return row && { ...toRecord(row), decidedAt: row.decided_at, decisionReason: row.decision_reason };
}

export async function updateRequest(
  db: Db,
  id: string,
  change: { status: RequestStatus; step: RequestStep | null; decidedAt?: Date; decidedBy?: string; reason?: string | null },
): Promise<void> {
  await db
    .updateTable('requests')
    .set({
      status: change.status,
      step: change.step,
      ...(change.decidedAt ? { decided_at: change.decidedAt, decided_by: change.decidedBy ?? null, decision_reason: change.reason ?? null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function addEvent(db: Db, e: { requestId: string; at: Date; actorId: string | null; action: RequestAction; comment?: string | null }): Promise<void> {
  await db.insertInto('request_events').values({ request_id: e.requestId, at: e.at, actor_id: e.actorId, action: e.action, comment: e.comment ?? null }).execute();
}

export function eventsOf(db: Db, requestId: string) {
  return db
    .selectFrom('request_events as e')
    .leftJoin('agents as a', 'a.id', 'e.actor_id')
    .select(['e.at', 'e.action', 'e.comment', 'a.first_name', 'a.last_name'])
    .where('e.request_id', '=', requestId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export function requestsOfAgent(db: Db, agentId: string, status: RequestStatus | undefined, limit: number) {
  let query = db
    .selectFrom('requests')
    .select([...columns, 'decided_at', 'decision_reason'])
    .where('agent_id', '=', agentId)
    .orderBy('submitted_at', 'desc')
    .orderBy('id')
    .limit(limit);
  if (status) query = query.where('status', '=', status);
  return query.execute();
}

/** The person a request is about, with who manages them: the approval follows the line of management. */
export function requester(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'first_name', 'last_name', 'badge_number', 'manager_id', 'department_id', 'service_id', 'unit_id'])
    .where('id', '=', agentId)
    .executeTakeFirstOrThrow();
}

/** Serialises an agent's submissions: a balance or a quota checked under this lock cannot be spent twice. */
export async function lockAgent(db: Db, agentId: string): Promise<void> {
  await db.selectFrom('agents').select('id').where('id', '=', agentId).forNoKeyUpdate().executeTakeFirst();
}

export async function touchReminder(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('requests').set({ last_reminded_at: at }).where('id', '=', id).execute();
}

export async function markEscalated(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('requests').set({ escalated_at: at }).where('id', '=', id).execute();
}

/** Pending at the manager's step for longer than `before`, and not reminded since `remindedBefore`. */
export function awaitingReminder(db: Db, before: Date, remindedBefore: Date, limit: number) {
  return db
    .selectFrom('requests')
    .select(columns)
    .where('status', '=', 'pending')
    .where('step', '=', 'manager')
    .where('submitted_at', '<', before)
    .where((eb) => eb.or([eb('last_reminded_at', 'is', null), eb('last_reminded_at', '<', remindedBefore)]))
    .orderBy('submitted_at')
    .limit(limit)
    .execute();
}

/** Pending with a legal deadline on or before `dueBy`, never escalated. */
export function nearingDeadline(db: Db, dueBy: string, limit: number) {
  return db
    .selectFrom('requests')
    .select(columns)
    .where('status', '=', 'pending')
    .where('answer_due_on', '<=', dueBy)
    .where('escalated_at', 'is', null)
    .orderBy('answer_due_on')
    .limit(limit)
    .execute();
}
