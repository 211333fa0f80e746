import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { maskedIban } from './bank-details.rules.ts';
import * as exportRepo from './data-export.repo.ts';
import { myCorrections } from './file-correction.service.ts';
import * as repo from './personal-file.repo.ts';
import type { DataExport } from './data-export.schema.ts';
import { consultationsOfMyFile, personalFileOf } from './personal-file.service.ts';

const CONNECTION_HISTORY_DAYS = 365;

// GDPR art. 15: everything held about the agent, produced at once; the request itself is recorded first
// so that it appears in the export and in later ones.
export async function exportMyData(ctx: AppContext, agentId: string, format: 'json' | 'pdf', ip: string): Promise<DataExport> {
  const now = ctx.clock.now();
  await repo.insertDataAccessRequest(ctx.db, { agentId, format, ip, at: now });
  const since = new Date(now.getTime() - CONNECTION_HISTORY_DAYS * 86_400_000);
  const personalFile = await personalFileOf(ctx, agentId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  const [agent, bank, corrections, consultations, requests, connections, sessions, factors, audit] = await Promise.all([
    exportRepo.agentRecord(ctx.db, agentId),
    repo.bankDetailsOf(ctx.db, agentId),
    myCorrections(ctx, agentId),
    consultationsOfMyFile(ctx, agentId),
    repo.dataAccessRequestsOf(ctx.db, agentId),
    exportRepo.connectionEventsSince(ctx.db, agentId, since),
    exportRepo.sessionsOf(ctx.db, agentId),
    exportRepo.secondFactorsOf(ctx.db, agentId),
    exportRepo.auditEventsAbout(ctx.db, agentId),
  ]);
  return {
    generatedAt: now.toISOString(),
    agent: {
      badgeNumber: agent.badge_number,
      firstName: agent.first_name,
      lastName: agent.last_name,
      professionalEmail: agent.email,
      professionalPhone: agent.professional_phone,
      jobTitle: agent.job_title,
      department: `${agent.department_code} — ${agent.department_name}`,
      service: agent.service_name,
      status: agent.status,
      startDate: agent.start_date,
      departureDate: agent.departure_date,
    },
    personalFile,
    bankDetailsHistory: bank.map((b) => ({ iban: maskedIban(b.iban_last4), effectiveFrom: b.effective_from, recordedAt: b.created_at.toISOString() })),
    corrections: corrections.items,
    consultationsOfMyFile: consultations.items,
    accessRequests: requests.map((r) => ({ format: r.format, at: r.requested_at.toISOString() })),
    connectionHistory: connections.map((c) => ({
      at: c.occurred_at.toISOString(),
      kind: c.kind,
      result: c.result,
      ip: c.ip,
      networkZone: c.network_zone,
      browser: c.browser,
      os: c.os,
      deviceType: c.device_type,
      detail: c.detail,
    })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      networkZone: s.network_zone,
      ip: s.ip,
      device: s.device_label,
    })),
    secondFactors: factors.map((f) => ({
      kind: f.kind,
      label: f.label,
      createdAt: f.created_at.toISOString(),
      confirmedAt: f.confirmed_at?.toISOString() ?? null,
      lastUsedAt: f.last_used_at?.toISOString() ?? null,
    })),
    administrativeActions: audit.map((e) => ({ at: e.occurred_at.toISOString(), action: e.action, by: e.actor_label, changes: e.changes, reason: e.reason })),
  };
}
