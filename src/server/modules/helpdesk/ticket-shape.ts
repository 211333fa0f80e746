import type { Db } from '../../db/connection.ts';
import type { Level, Priority, TicketCategory, TicketStatus } from './helpdesk-rules.ts';
import * as repo from './helpdesk.repo.ts';
import type { TicketDetail } from './helpdesk.schema.ts';

const person = (badgeNumber: string | null, firstName: string | null, lastName: string | null) =>
  badgeNumber ? { badgeNumber, firstName: firstName ?? '', lastName: lastName ?? '' } : null;

export function targetsOf(row: { ownBy: Date; resolveBy: Date; ownOverdue: boolean; resolveOverdue: boolean }) {
  return {
    ownBy: new Date(row.ownBy).toISOString(),
    resolveBy: new Date(row.resolveBy).toISOString(),
    ownOverdue: Boolean(row.ownOverdue),
    resolveOverdue: Boolean(row.resolveOverdue),
  };
}

export function summaryOf(row: {
  id: string;
  number: number;
  kind: string;
  category: string;
  title: string;
  status: string;
  priority: string;
  created_at: Date;
  callback_requested: boolean;
}) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as 'incident' | 'request',
    category: row.category as TicketCategory,
    title: row.title,
    status: row.status as TicketStatus,
    priority: row.priority as Priority,
    createdAt: row.created_at.toISOString(),
    callbackRequested: row.callback_requested,
  };
}

export function peopleOf(row: repo.QueueRow | repo.TicketRow) {
  return {
    agent: { ...person(row.agentBadge, row.agentFirstName, row.agentLastName)!, departmentCode: row.departmentCode },
    assignee: person(row.assigneeBadge, row.assigneeFirstName, row.assigneeLastName),
  };
}

// The ticket as its reader may see it: private follow-ups only when asked for (support staff).
export async function detailOf(db: Db, row: repo.TicketRow, includePrivate: boolean): Promise<TicketDetail> {
  const [followups, attachments] = await Promise.all([repo.listFollowups(db, row.id, includePrivate), repo.listAttachments(db, row.id)]);
  return {
    ...summaryOf(row),
    description: row.description,
    urgency: row.urgency as Level,
    impact: row.impact as Level,
    solvedAt: row.solved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    mergedIntoNumber: row.mergedIntoNumber ?? null,
    satisfaction: row.satisfaction ? { rating: row.satisfaction, comment: row.satisfaction_comment } : null,
    followups: followups.map((f) => ({
      id: f.id,
      kind: f.kind as 'comment' | 'solution' | 'event',
      visibility: f.visibility as 'public' | 'private',
      body: f.body,
      createdAt: f.created_at.toISOString(),
      author: person(f.badge_number, f.first_name, f.last_name),
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      createdAt: a.created_at.toISOString(),
    })),
  };
}
