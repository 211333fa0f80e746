import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import * as repo from './announcements.repo.ts';
import type { Announcement, AnnouncementFields, AnnouncementKind, PublishedAnnouncement } from './announcements.schema.ts';

export function announcementView(row: repo.AnnouncementRow): Announcement {
  return {
    id: row.id,
    kind: row.kind as AnnouncementKind,
    title: row.title,
    body: row.body,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    dismissible: row.kind === 'information',
  };
}

function statusAt(row: repo.AnnouncementRow, now: Date): PublishedAnnouncement['status'] {
  if (row.ends_at && row.ends_at <= now) return 'ended';
  return row.starts_at > now ? 'scheduled' : 'current';
}

/** For the sign-in page: what everyone is told right now. */
export async function publicAnnouncements(db: Db, now: Date): Promise<Announcement[]> {
  return (await repo.currentAnnouncements(db, now, null)).map(announcementView);
}

/** For a signed-in agent: everyone's and their department's, less those they dismissed. */
export async function agentAnnouncements(db: Db, now: Date, agentId: string): Promise<Announcement[]> {
  const agent = await repo.agentDepartment(db, agentId);
  if (!agent) throw new AppError('unauthenticated');
  return (await repo.currentAnnouncements(db, now, { agentId, departmentId: agent.department_id })).map(announcementView);
}

/** Only information can be dismissed: a maintenance or an incident stays until it ends. */
export async function dismissAnnouncement(db: Db, now: Date, agentId: string, id: string): Promise<void> {
  const row = await repo.findAnnouncement(db, id);
  if (!row) throw new AppError('not_found', 'Aucune annonce avec cet identifiant.');
  if (row.kind !== 'information') throw new AppError('conflict', 'Seules les informations peuvent être masquées.');
  await repo.recordDismissal(db, agentId, id, now);
}

export async function publishedAnnouncements(db: Db, now: Date): Promise<PublishedAnnouncement[]> {
  const rows = await repo.publishedAnnouncements(db);
  const departments = new Map((await repo.departmentsById(db, [...new Set(rows.flatMap((row) => row.department_ids))])).map((d) => [d.id, d]));
  return rows.map((row) => ({
    ...announcementView(row),
    departments: row.department_ids.flatMap((id) => {
      const department = departments.get(id);
      return department ? [{ code: department.code, name: department.name }] : [];
    }),
    status: statusAt(row, now),
    createdBy: row.created_by_name,
    updatedAt: row.updated_at.toISOString(),
  }));
}

async function columnsOf(db: Db, fields: AnnouncementFields) {
  const errors: FieldError[] = [];
  const startsAt = new Date(fields.startsAt);
  const endsAt = fields.endsAt === null ? null : new Date(fields.endsAt);
  if (endsAt && endsAt <= startsAt) errors.push({ field: 'endsAt', message: 'après le début' });
  const codes = [...new Set(fields.departmentCodes)];
  const departments = await repo.departmentsByCode(db, codes);
  const unknown = codes.filter((code) => !departments.some((d) => d.code === code));
  if (unknown.length > 0) errors.push({ field: 'departmentCodes', message: `direction inconnue : ${unknown.join(', ')}` });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  return {
    kind: fields.kind,
    title: fields.title,
    body: fields.body,
    starts_at: startsAt,
    ends_at: endsAt,
    department_ids: departments.map((d) => d.id),
  };
}

const target = (row: repo.AnnouncementRow) => ({ type: 'announcement', id: row.id, label: row.title });
const audited = (columns: Awaited<ReturnType<typeof columnsOf>>) => ({
  ...columns,
  starts_at: columns.starts_at.toISOString(),
  ends_at: columns.ends_at?.toISOString() ?? null,
});

export async function publishAnnouncement(db: Db, clock: Clock, actor: AuditActor & { agentId: string }, fields: AnnouncementFields): Promise<Announcement> {
  const columns = await columnsOf(db, fields);
  const at = clock.now();
  return inTransaction(db, async (trx) => {
    const row = await repo.insertAnnouncement(trx, { ...columns, created_by: actor.agentId, created_at: at, updated_at: at });
    await recordAudit(trx, { actor, action: 'announcement.publish', target: target(row), changes: audited(columns), at });
    return announcementView(row);
  });
}

export async function reviseAnnouncement(db: Db, clock: Clock, actor: AuditActor, id: string, fields: AnnouncementFields): Promise<Announcement> {
  const existing = await repo.findAnnouncement(db, id);
  if (!existing) throw new AppError('not_found', 'Aucune annonce avec cet identifiant.');
  const columns = await columnsOf(db, fields);
  const at = clock.now();
  return inTransaction(db, async (trx) => {
    const row = await repo.updateAnnouncement(trx, id, { ...columns, updated_at: at });
    await recordAudit(trx, { actor, action: 'announcement.update', target: target(row), changes: audited(columns), at });
    return announcementView(row);
  });
}

/** Ends an announcement now (a scheduled one is withdrawn before it is ever shown). */
export async function endAnnouncement(db: Db, clock: Clock, actor: AuditActor, id: string): Promise<Announcement> {
  const existing = await repo.findAnnouncement(db, id);
  if (!existing) throw new AppError('not_found', 'Aucune annonce avec cet identifiant.');
  const at = clock.now();
  if (statusAt(existing, at) === 'ended') return announcementView(existing);
  return inTransaction(db, async (trx) => {
    // The window must stay valid: a withdrawn scheduled announcement ends as its start comes.
    const endsAt = at;
    const startsAt = new Date(Math.min(existing.starts_at.getTime(), at.getTime() - 1));
    const row = await repo.updateAnnouncement(trx, id, { starts_at: startsAt, ends_at: endsAt, updated_at: at });
    await recordAudit(trx, { actor, action: 'announcement.end', target: target(row), changes: { ends_at: endsAt.toISOString() }, at });
    return announcementView(row);
  });
}
