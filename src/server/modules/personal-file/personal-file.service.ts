import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, covers, roleLabels, type TargetAgent } from '../access/index.ts';
import { parisDate } from '../accounts/index.ts';
import { maskedIban } from './bank-details.rules.ts';
import * as repo from './personal-file.repo.ts';
import type { PersonalFileResponse } from './personal-file.schema.ts';

// The file as the agent and HR see it: bank details masked, the change waiting for the next pay run shown.
export async function personalFileOf(ctx: AppContext, agentId: string): Promise<PersonalFileResponse> {
  const row = await repo.findFile(ctx.db, agentId);
  if (!row || !row.file_agent_id) throw new AppError('not_found', 'Ce dossier personnel n’est pas encore constitué : contactez votre gestionnaire RH.');
  const [children, assignments, bank] = await Promise.all([
    repo.childrenOf(ctx.db, agentId),
    repo.assignmentsOf(ctx.db, agentId),
    repo.bankDetailsOf(ctx.db, agentId),
  ]);
  const today = parisDate(ctx.clock.now());
  // The BIC names the bank, not the account: shown in full, unlike the IBAN.
  const bic = (sealed: string) => ctx.keys.decrypt('bank-details', sealed);
  const current = bank.find((b) => b.effective_from <= today);
  const upcoming = bank.find((b) => b.effective_from > today);
  return {
    agent: { id: row.id, badgeNumber: row.badge_number, firstName: row.first_name, lastName: row.last_name, department: row.department_code },
    civilStatus: {
      birthName: row.birth_name!,
      usageName: row.usage_name,
      birthDate: row.birth_date!,
      birthPlace: row.birth_place!,
      nationality: row.nationality!,
    },
    address: { addressLine1: row.address_line1!, addressLine2: row.address_line2, postalCode: row.postal_code!, city: row.city!, country: row.country! },
    contact: { personalPhone: row.personal_phone, personalEmail: row.personal_email },
    bankDetails:
      current || upcoming
        ? {
            iban: current ? maskedIban(current.iban_last4) : '',
            bic: current ? bic(current.bic_encrypted) : '',
            effectiveFrom: current?.effective_from ?? '',
            upcoming: upcoming ? { iban: maskedIban(upcoming.iban_last4), bic: bic(upcoming.bic_encrypted), effectiveFrom: upcoming.effective_from } : null,
          }
        : null,
    family: { familyStatus: row.family_status!, children: children.map((c) => ({ firstName: c.first_name, birthDate: c.birth_date })) },
    career: {
      grade: row.grade_name,
      echelon: row.echelon,
      indexMajore: row.index_majore,
      assignments: assignments.map((a) => ({ label: a.label, department: a.department_code, startsOn: a.starts_on, endsOn: a.ends_on })),
    },
    workingTime: { percent: row.working_time_percent!, weeklyMinutes: row.weekly_minutes!, cycle: row.work_cycle! },
  };
}

// Someone else than the agent opens the file: the consultation is recorded first, with the role and the
// perimeter that allowed it, so the agent can see it (GDPR transparency). `target` is already authorised.
export async function consultPersonalFile(
  ctx: AppContext,
  actor: Actor,
  actorLabel: string,
  target: TargetAgent,
  purpose: string,
): Promise<PersonalFileResponse> {
  const file = await personalFileOf(ctx, target.agentId);
  if (target.agentId !== actor.agentId) {
    const allowedBy = actor.roles.find((a) => a.role === 'hr_officer' && covers(a, target, actor.agentId));
    await repo.insertConsultation(ctx.db, {
      agentId: target.agentId,
      consultedBy: actor.agentId,
      label: actorLabel,
      role: roleLabels[allowedBy?.role ?? 'hr_officer'],
      departmentCode: allowedBy?.departmentCode ?? null,
      purpose,
      at: ctx.clock.now(),
    });
  }
  return file;
}

export async function consultationsOfMyFile(ctx: AppContext, agentId: string) {
  const rows = await repo.consultationsOf(ctx.db, agentId);
  return {
    items: rows.map((r) => ({
      at: r.occurred_at.toISOString(),
      consultedBy: r.consulted_by_label,
      role: r.role,
      department: r.department_code,
      purpose: r.purpose,
    })),
  };
}
