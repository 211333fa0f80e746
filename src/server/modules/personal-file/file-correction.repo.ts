import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { PersonalFilesTable } from '../../db/types.ts';
import type { FileColumn } from './correctable-fields.ts';

export type StoredChange = { field: string; currentValue: string | null; proposedValue: string };

const correctionColumns = [
  'c.id', 'c.agent_id', 'c.department_id', 'c.changes', 'c.comment', 'c.document_type', 'c.document_name', 'c.status',
  'c.created_at', 'c.decided_at', 'c.decided_by_label', 'c.refusal_reason', 'a.first_name', 'a.last_name', 'a.badge_number',
] as const;

function corrections(db: Db) {
  return db
    .selectFrom('personal_file_corrections as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select(correctionColumns)
    .select(sql<number | null>`octet_length(c.document)`.as('document_size'));
}


export async function insertCorrection(
  db: Db,
  row: { agentId: string; departmentId: string; changes: StoredChange[]; comment: string | null; document: { content: Buffer; type: string; name: string } | null; at: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('personal_file_corrections')
    .values({
      agent_id: row.agentId,
      department_id: row.departmentId,
      changes: JSON.stringify(row.changes),
      comment: row.comment,
      document: row.document?.content ?? null,
      document_type: row.document?.type ?? null,
      document_name: row.document?.name ?? null,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findCorrection(db: Db, id: string) {
  return corrections(db).where('c.id', '=', id).executeTakeFirst();
}

export async function correctionsOfAgent(db: Db, agentId: string) {
  return corrections(db).where('c.agent_id', '=', agentId).orderBy('c.created_at', 'desc').execute();
}

export async function pendingCorrections(db: Db, scope: { all: true } | { all: false; departmentIds: string[] }) {
  let query = corrections(db).where('c.status', '=', 'pending');
  if (!scope.all) {
    if (scope.departmentIds.length === 0) return [];
    query = query.where('c.department_id', 'in', scope.departmentIds);
  }
  return query.orderBy('c.created_at').limit(500).execute();
}

export async function correctionDocument(db: Db, id: string) {
  return db.selectFrom('personal_file_corrections').select(['agent_id', 'document', 'document_type', 'document_name']).where('id', '=', id).executeTakeFirst();
}

// Only a pending request can be decided: two officers deciding at once, the second one gets nothing back.
export async function closeCorrection(
  db: Db,
  id: string,
  decision: { status: 'accepted' | 'refused'; by: string; byLabel: string; at: Date; reason: string | null },
): Promise<boolean> {
  const updated = await db
    .updateTable('personal_file_corrections')
    .set({ status: decision.status, decided_by: decision.by, decided_by_label: decision.byLabel, decided_at: decision.at, refusal_reason: decision.reason })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function updateFileColumns(db: Db, agentId: string, values: Partial<Record<FileColumn, string | null>>, at: Date): Promise<void> {
  await db.updateTable('personal_files').set({ ...(values as Updateable<PersonalFilesTable>), updated_at: at }).where('agent_id', '=', agentId).execute();
}
