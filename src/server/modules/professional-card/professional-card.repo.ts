import type { Db } from '../../db/connection.ts';

export type ReplacementStage = 'declared' | 'blocked' | 'replacement_ordered' | 'ready_to_collect' | 'handed_over';

export function loadCardHolder(db: Db, agentId: string) {
  return db
    .selectFrom('agents')
    .select(['id', 'first_name', 'last_name', 'badge_number', 'email', 'department_id'])
    .where('id', '=', agentId)
    .executeTakeFirst();
}

export type CardHolder = NonNullable<Awaited<ReturnType<typeof loadCardHolder>>>;

const cardColumns = ['id', 'agent_id', 'number', 'status', 'issued_at', 'blocked_at'] as const;

// The card in use (active or blocked), locked for the transaction when asked.
export function currentCard(db: Db, agentId: string, options: { lock?: boolean } = {}) {
  const query = db.selectFrom('professional_cards').select(cardColumns).where('agent_id', '=', agentId).where('status', '<>', 'replaced');
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export type CardRow = NonNullable<Awaited<ReturnType<typeof currentCard>>>;

export async function cardNumbers(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('professional_cards').select(['id', 'number']).where('id', 'in', ids).execute();
}

export async function cardCount(db: Db, agentId: string): Promise<number> {
  const row = await db.selectFrom('professional_cards').select((eb) => eb.fn.countAll<number>().as('n')).where('agent_id', '=', agentId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertCard(db: Db, card: { agentId: string; number: string; issuedAt: Date }) {
  return db
    .insertInto('professional_cards')
    .values({ agent_id: card.agentId, number: card.number, status: 'active', issued_at: card.issuedAt })
    .onConflict((oc) => oc.column('number').doNothing())
    .returning(cardColumns)
    .executeTakeFirst();
}

export async function blockCard(db: Db, cardId: string, at: Date): Promise<void> {
  await db.updateTable('professional_cards').set({ status: 'blocked', blocked_at: at }).where('id', '=', cardId).execute();
}

export async function retireCard(db: Db, cardId: string, at: Date): Promise<void> {
  await db.updateTable('professional_cards').set({ status: 'replaced', replaced_at: at }).where('id', '=', cardId).execute();
}

const replacementColumns = [
  'id',
  'agent_id',
  'card_id',
  'new_card_id',
  'kind',
  'loss_date',
  'comment',
  'stage',
  'declared_at',
  'blocked_at',
  'replacement_ordered_at',
  'ready_to_collect_at',
  'handed_over_at',
] as const;

export function insertReplacement(
  db: Db,
  row: { agentId: string; cardId: string; kind: 'lost' | 'stolen'; lossDate: string | null; comment: string | null; at: Date },
) {
  return db
    .insertInto('card_replacements')
    .values({
      agent_id: row.agentId,
      card_id: row.cardId,
      kind: row.kind,
      loss_date: row.lossDate,
      comment: row.comment,
      stage: 'blocked',
      declared_at: row.at,
      blocked_at: row.at,
    })
    .returning(replacementColumns)
    .executeTakeFirstOrThrow();
}

export function replacementsOf(db: Db, agentId: string) {
  return db.selectFrom('card_replacements').select(replacementColumns).where('agent_id', '=', agentId).orderBy('declared_at', 'desc').execute();
}

export type ReplacementRow = Awaited<ReturnType<typeof replacementsOf>>[number];

export function findReplacement(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.selectFrom('card_replacements').select(replacementColumns).where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export function setStage(db: Db, id: string, stage: Exclude<ReplacementStage, 'declared' | 'blocked'>, at: Date, newCardId?: string) {
  return db
    .updateTable('card_replacements')
    .set({
      stage,
      ...(stage === 'replacement_ordered' ? { replacement_ordered_at: at } : {}),
      ...(stage === 'ready_to_collect' ? { ready_to_collect_at: at } : {}),
      ...(stage === 'handed_over' ? { handed_over_at: at, new_card_id: newCardId ?? null } : {}),
    })
    .where('id', '=', id)
    .returning(replacementColumns)
    .executeTakeFirstOrThrow();
}

export function openReplacementsIn(db: Db, scope: { all: true } | { all: false; departmentIds: string[] }) {
  let query = db
    .selectFrom('card_replacements as r')
    .innerJoin('agents as a', 'a.id', 'r.agent_id')
    .select(['a.id as agent_id', 'a.first_name', 'a.last_name', 'a.badge_number', 'r.id', 'r.stage', 'r.kind', 'r.declared_at'])
    .where('r.stage', '<>', 'handed_over');
  if (!scope.all) {
    if (scope.departmentIds.length === 0) return Promise.resolve([]);
    query = query.where('a.department_id', 'in', scope.departmentIds);
  }
  return query.orderBy('r.declared_at').limit(500).execute();
}
