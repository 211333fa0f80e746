import type { Db } from '../../db/connection.ts';
import { chainHash, type ChainedContent, GENESIS_HASH, redactChanges } from './audit-hash.ts';
import * as repo from './audit.repo.ts';

export type AuditActor = { agentId: string | null; label: string; ip: string | null };

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string; label: string };
  departmentId?: string | null;
  changes?: Record<string, unknown>;
  reason?: string | null;
  at: Date;
};

// Call inside the transaction of the action itself: the trail and the change commit together or not at all.
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await repo.lockChain(db);
  const prevHash = (await repo.lastHash(db)) ?? GENESIS_HASH;
  const content: ChainedContent = {
    occurredAt: entry.at.toISOString(),
    actorAgentId: entry.actor.agentId,
    actorLabel: entry.actor.label,
    actorIp: entry.actor.ip,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    departmentId: entry.departmentId ?? null,
    changes: redactChanges(entry.changes ?? {}),
    reason: entry.reason ?? null,
  };
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: entry.at,
      actor_agent_id: content.actorAgentId,
      actor_label: content.actorLabel,
      actor_ip: content.actorIp,
      action: content.action,
      target_type: content.targetType,
      target_id: content.targetId,
      target_label: content.targetLabel,
      department_id: content.departmentId,
      changes: JSON.stringify(content.changes),
      reason: content.reason,
      prev_hash: prevHash,
      hash: chainHash(prevHash, content),
    })
    .execute();
}

export type ChainVerification = { ok: boolean; entries: number; headHash: string; brokenAtId?: number; problem?: string };

// Walks the whole trail in order, recomputing every hash.
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let entries = 0;
  for (;;) {
    const page = await repo.chainPage(db, afterId, 1000);
    if (page.length === 0) return { ok: true, entries, headHash: prevHash };
    for (const row of page) {
      entries += 1;
      if (row.prev_hash !== prevHash) {
        return { ok: false, entries, headHash: prevHash, brokenAtId: row.id, problem: 'maillon manquant ou déplacé (hash précédent différent)' };
      }
      const content: ChainedContent = {
        occurredAt: row.occurred_at.toISOString(),
        actorAgentId: row.actor_agent_id,
        actorLabel: row.actor_label,
        actorIp: row.actor_ip,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        targetLabel: row.target_label,
        departmentId: row.department_id,
        changes: row.changes,
        reason: row.reason,
      };
      if (chainHash(prevHash, content) !== row.hash) {
        return { ok: false, entries, headHash: prevHash, brokenAtId: row.id, problem: 'entrée modifiée (hash recalculé différent)' };
      }
      prevHash = row.hash;
      afterId = row.id;
    }
  }
}
