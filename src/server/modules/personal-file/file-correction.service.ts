import type { AppContext } from '../../app-context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { type Actor, authorizeOnAgent, departmentScope } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { type CorrectableField, correctableFields, type FileColumn } from './correctable-fields.ts';
import * as repo from './file-correction.repo.ts';
import { agentLabel, findFile } from './personal-file.repo.ts';
import type { CorrectionRequestBody, CorrectionView } from './personal-file.schema.ts';
import { readSupportingDocument } from './supporting-document.ts';

type FileRow = NonNullable<Awaited<ReturnType<typeof findFile>>>;

function currentValue(file: FileRow, field: CorrectableField): string | null {
  const value = file[correctableFields[field].column as FileColumn];
  return value === null || value === undefined ? null : String(value);
}

// The agent asks HR to correct their file (GDPR art. 16): values checked field by field, document by its bytes.
export async function requestCorrection(ctx: AppContext, agentId: string, body: CorrectionRequestBody): Promise<CorrectionView> {
  const file = await findFile(ctx.db, agentId);
  if (!file?.file_agent_id) throw new AppError('not_found', 'Ce dossier personnel n’est pas encore constitué : contactez votre gestionnaire RH.');
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const changes = body.changes.map((change, i) => {
    const parsed = correctableFields[change.field].value.safeParse(change.proposedValue);
    if (seen.has(change.field)) errors.push({ field: `changes.${i}.field`, rule: 'duplicate', message: 'Ce champ est déjà dans la demande.' });
    seen.add(change.field);
    if (!parsed.success) {
      errors.push({ field: `changes.${i}.proposedValue`, rule: 'format', message: `Valeur proposée invalide pour le champ « ${correctableFields[change.field].label} ».` });
    }
    const proposedValue = parsed.success ? String(parsed.data) : change.proposedValue;
    return { field: change.field, currentValue: currentValue(file, change.field), proposedValue };
  });
  if (errors.length > 0) throw new AppError('unprocessable', 'La demande de correction contient des valeurs invalides.', { errors });
  if (changes.every((c) => c.currentValue === c.proposedValue)) {
    throw new AppError('unprocessable', 'Les valeurs proposées sont identiques à celles de votre dossier.');
  }
  const document = body.document ? readSupportingDocument(body.document) : null;
  const id = await repo.insertCorrection(ctx.db, {
    agentId,
    departmentId: file.department_id,
    changes,
    comment: body.comment || null,
    document,
    at: ctx.clock.now(),
  });
  return correctionView((await repo.findCorrection(ctx.db, id))!);
}

export async function myCorrections(ctx: AppContext, agentId: string) {
  return { items: (await repo.correctionsOfAgent(ctx.db, agentId)).map(correctionView) };
}

export async function pendingCorrectionsFor(ctx: AppContext, actor: Actor) {
  const scope = departmentScope(actor, 'personal_file.decide_correction');
  if (!scope.all && scope.departmentIds.length === 0) throw new AppError('forbidden', 'Action réservée aux gestionnaires RH d’une direction.');
  return { items: (await repo.pendingCorrections(ctx.db, scope)).map(correctionView) };
}

// A correction outside the officer's perimeter does not exist for them; nobody decides on their own file.
async function decidableCorrection(ctx: AppContext, actor: Actor, id: string) {
  const correction = await repo.findCorrection(ctx.db, id);
  if (!correction) throw new AppError('not_found', 'Aucune demande de correction correspondante.');
  await authorizeOnAgent(ctx, actor, 'personal_file.decide_correction', { agentId: correction.agent_id }).catch(() => {
    throw new AppError('not_found', 'Aucune demande de correction correspondante.');
  });
  if (correction.agent_id === actor.agentId) throw new AppError('forbidden', 'Une demande sur votre propre dossier est traitée par un autre gestionnaire.');
  if (correction.status !== 'pending') throw new AppError('conflict', 'Cette demande a déjà été traitée.');
  return correction;
}

export async function acceptCorrection(ctx: AppContext, actor: Actor, auditActor: AuditActor, id: string): Promise<CorrectionView> {
  const correction = await decidableCorrection(ctx, actor, id);
  const changes = correction.changes as repo.StoredChange[];
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.closeCorrection(trx, id, { status: 'accepted', by: actor.agentId, byLabel: auditActor.label, at: now, reason: null }))) {
      throw new AppError('conflict', 'Cette demande a déjà été traitée.');
    }
    const values: Partial<Record<FileColumn, string | null>> = {};
    for (const c of changes) values[correctableFields[c.field as CorrectableField].column] = c.proposedValue === '' ? null : c.proposedValue;
    await repo.updateFileColumns(trx, correction.agent_id, values, now);
    await recordAudit(trx, {
      actor: auditActor,
      action: 'personal_file.correction_accepted',
      target: { type: 'agent', id: correction.agent_id, label: `${correction.first_name} ${correction.last_name} (${correction.badge_number})` },
      departmentId: correction.department_id,
      changes: Object.fromEntries(changes.map((c) => [c.field, { from: c.currentValue, to: c.proposedValue }])),
      reason: `demande de rectification ${id}`,
      at: now,
    });
    await notifyDecision(trx, correction.agent_id, 'acceptée', 'Votre dossier a été mis à jour avec les valeurs que vous avez proposées.', now);
  });
  return correctionView((await repo.findCorrection(ctx.db, id))!);
}

export async function refuseCorrection(ctx: AppContext, actor: Actor, auditActor: AuditActor, id: string, reason: string): Promise<CorrectionView> {
  const correction = await decidableCorrection(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.closeCorrection(trx, id, { status: 'refused', by: actor.agentId, byLabel: auditActor.label, at: now, reason }))) {
      throw new AppError('conflict', 'Cette demande a déjà été traitée.');
    }
    await recordAudit(trx, {
      actor: auditActor,
      action: 'personal_file.correction_refused',
      target: { type: 'agent', id: correction.agent_id, label: `${correction.first_name} ${correction.last_name} (${correction.badge_number})` },
      departmentId: correction.department_id,
      reason,
      at: now,
    });
    await notifyDecision(trx, correction.agent_id, 'refusée', `Motif du refus : ${reason}`, now);
  });
  return correctionView((await repo.findCorrection(ctx.db, id))!);
}

async function notifyDecision(trx: AppContext['db'], agentId: string, outcome: string, detail: string, at: Date): Promise<void> {
  const agent = await agentLabel(trx, agentId);
  await enqueueEmail(
    trx,
    {
      to: agent.email,
      subject: `Votre demande de correction de dossier a été ${outcome}`,
      text: `Bonjour ${agent.first_name} ${agent.last_name},\n\nVotre demande de correction de votre dossier personnel a été ${outcome}.\n${detail}\n\nVous pouvez suivre vos demandes sur le portail, rubrique « Mon dossier ».`,
    },
    at,
  );
}

export async function correctionDocumentFor(ctx: AppContext, actor: Actor, id: string) {
  const doc = await repo.correctionDocument(ctx.db, id);
  if (!doc?.document) throw new AppError('not_found', 'Aucun justificatif pour cette demande.');
  await authorizeOnAgent(ctx, actor, 'personal_file.view', { agentId: doc.agent_id }).catch(() => {
    throw new AppError('not_found', 'Aucun justificatif pour cette demande.');
  });
  return { content: Buffer.from(doc.document), type: doc.document_type ?? 'application/octet-stream', name: doc.document_name ?? 'justificatif' };
}

function correctionView(row: NonNullable<Awaited<ReturnType<typeof repo.findCorrection>>>): CorrectionView {
  return {
    id: row.id,
    agent: { id: row.agent_id, name: `${row.first_name} ${row.last_name}`, badgeNumber: row.badge_number },
    changes: (row.changes as repo.StoredChange[]).map((c) => ({
      field: c.field as CorrectableField,
      label: correctableFields[c.field as CorrectableField].label,
      currentValue: c.currentValue,
      proposedValue: c.proposedValue,
    })),
    comment: row.comment,
    document: row.document_type ? { name: row.document_name ?? '', type: row.document_type, size: Number(row.document_size ?? 0) } : null,
    status: row.status as CorrectionView['status'],
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_label,
    refusalReason: row.refusal_reason,
  };
}
