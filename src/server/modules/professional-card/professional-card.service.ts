import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { type Actor, authorizeOnAgent, departmentScope } from '../access/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { stageEmail } from './card-emails.ts';
import * as repo from './professional-card.repo.ts';
import type { AdvanceReplacementBody, CardReplacement, DeclareLossBody, ProfessionalCardView } from './professional-card.schema.ts';
import { enqueueWebhookEvent } from './webhook-events.repo.ts';

const STAGES: readonly repo.ReplacementStage[] = ['declared', 'blocked', 'replacement_ordered', 'ready_to_collect', 'handed_over'];

function cardNumber(badgeNumber: string, issue: number): string {
  return `${badgeNumber}-${String(issue).padStart(2, '0')}`;
}

// Every agent holds a card; one the portal has not seen yet is recorded the first time it is needed.
async function ensureCard(db: Db, holder: repo.CardHolder, at: Date, lock = false): Promise<repo.CardRow> {
  const existing = await repo.currentCard(db, holder.id, { lock });
  if (existing) return existing;
  await repo.insertCard(db, { agentId: holder.id, number: cardNumber(holder.badge_number, (await repo.cardCount(db, holder.id)) + 1), issuedAt: at });
  const card = await repo.currentCard(db, holder.id, { lock });
  if (!card) throw new AppError('conflict', 'Carte en cours de création, réessayez.');
  return card;
}

async function holderOf(db: Db, agentId: string): Promise<repo.CardHolder> {
  const holder = await repo.loadCardHolder(db, agentId);
  if (!holder) throw new AppError('not_found', 'Aucun agent correspondant.');
  return holder;
}

function toReplacement(row: repo.ReplacementRow, numbers: Map<string, string>): CardReplacement {
  const dates: Record<repo.ReplacementStage, Date | null> = {
    declared: row.declared_at,
    blocked: row.blocked_at,
    replacement_ordered: row.replacement_ordered_at,
    ready_to_collect: row.ready_to_collect_at,
    handed_over: row.handed_over_at,
  };
  return {
    id: row.id,
    kind: row.kind as 'lost' | 'stolen',
    lossDate: row.loss_date,
    comment: row.comment,
    stage: row.stage as repo.ReplacementStage,
    stages: STAGES.map((stage) => ({ stage, at: dates[stage]?.toISOString() ?? null })),
    newCardNumber: row.new_card_id ? (numbers.get(row.new_card_id) ?? null) : null,
  };
}

export async function cardView(ctx: AppContext, agentId: string): Promise<ProfessionalCardView> {
  const holder = await holderOf(ctx.db, agentId);
  const card = await ensureCard(ctx.db, holder, ctx.clock.now());
  const replacements = await repo.replacementsOf(ctx.db, agentId);
  const newCardIds = replacements.flatMap((r) => (r.new_card_id ? [r.new_card_id] : []));
  const numbers = new Map((await repo.cardNumbers(ctx.db, newCardIds)).map((c) => [c.id, c.number]));
  return {
    card: { number: card.number, status: card.status as 'active' | 'blocked', issuedAt: card.issued_at.toISOString(), blockedAt: card.blocked_at?.toISOString() ?? null },
    replacements: replacements.map((r) => toReplacement(r, numbers)),
  };
}

// "J'ai perdu ma carte": the card is blocked in the same transaction as the declaration, and the block is
// queued for the building-access system and the agent's mailbox; both are sent only if it commits.
export async function declareLoss(ctx: AppContext, agentId: string, declaration: DeclareLossBody): Promise<ProfessionalCardView> {
  const now = ctx.clock.now();
  if (declaration.date && declaration.date > now.toISOString().slice(0, 10)) {
    throw new AppError('validation_failed', 'Date invalide.', { errors: [{ field: 'date', message: 'la date ne peut pas être dans le futur' }] });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const holder = await holderOf(trx, agentId);
    const card = await ensureCard(trx, holder, now, true);
    if (card.status === 'blocked') throw new AppError('conflict', 'Votre carte est déjà bloquée : son remplacement est en cours.');
    await repo.blockCard(trx, card.id, now);
    await repo.insertReplacement(trx, { agentId, cardId: card.id, kind: declaration.kind, lossDate: declaration.date ?? null, comment: declaration.comment || null, at: now });
    await enqueueWebhookEvent(trx, 'professional_card.blocked', { cardNumber: card.number, badgeNumber: holder.badge_number, reason: declaration.kind, blockedAt: now.toISOString() }, now);
    await enqueueEmail(trx, stageEmail(holder.email, 'blocked', { oldNumber: card.number }), now);
  });
  return cardView(ctx, agentId);
}

export async function agentCardView(ctx: AppContext, actor: Actor, agentId: string): Promise<ProfessionalCardView> {
  const target = await authorizeOnAgent(ctx, actor, 'professional_card.manage', { agentId });
  return cardView(ctx, target.agentId);
}

// HR moves a replacement one stage forward, never back nor past a stage; at hand-over the new card becomes
// the agent's card and the building-access system is told to open doors to it.
export async function advanceReplacement(
  ctx: AppContext,
  actor: Actor,
  audit: AuditActor,
  replacementId: string,
  request: AdvanceReplacementBody,
): Promise<ProfessionalCardView> {
  const existing = await repo.findReplacement(ctx.db, replacementId);
  if (!existing) throw new AppError('not_found', 'Aucune demande de remplacement correspondante.');
  await authorizeOnAgent(ctx, actor, 'professional_card.manage', { agentId: existing.agent_id }).catch(() => {
    throw new AppError('not_found', 'Aucune demande de remplacement correspondante.');
  });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const replacement = await repo.findReplacement(trx, replacementId, { lock: true });
    if (!replacement) throw new AppError('not_found', 'Aucune demande de remplacement correspondante.');
    const current = STAGES.indexOf(replacement.stage as repo.ReplacementStage);
    if (STAGES.indexOf(request.stage) !== current + 1) {
      throw new AppError('conflict', `Étape impossible depuis « ${replacement.stage} » : les étapes se suivent dans l’ordre.`);
    }
    const holder = await holderOf(trx, replacement.agent_id);
    const oldCard = (await repo.cardNumbers(trx, [replacement.card_id]))[0]!;
    let newNumber: string | undefined;
    let newCardId: string | undefined;
    if (request.stage === 'handed_over') {
      await repo.retireCard(trx, oldCard.id, now);
      newNumber = cardNumber(holder.badge_number, (await repo.cardCount(trx, holder.id)) + 1);
      const card = await repo.insertCard(trx, { agentId: holder.id, number: newNumber, issuedAt: now });
      if (!card) throw new AppError('conflict', 'Numéro de carte déjà attribué.');
      newCardId = card.id;
      await enqueueWebhookEvent(
        trx,
        'professional_card.activated',
        { cardNumber: newNumber, badgeNumber: holder.badge_number, replacesCardNumber: oldCard.number, activatedAt: now.toISOString() },
        now,
      );
    }
    await repo.setStage(trx, replacement.id, request.stage, now, newCardId);
    await enqueueEmail(trx, stageEmail(holder.email, request.stage, { oldNumber: oldCard.number, newNumber }), now);
    await recordAudit(trx, {
      actor: audit,
      action: 'professional_card.manage',
      target: { type: 'agent', id: holder.id, label: `${holder.first_name} ${holder.last_name} (${holder.badge_number})` },
      departmentId: holder.department_id,
      changes: { replacementStage: { from: replacement.stage, to: request.stage }, ...(newNumber ? { cardNumber: { from: oldCard.number, to: newNumber } } : {}) },
      at: now,
    });
  });
  return cardView(ctx, existing.agent_id);
}

export async function openReplacements(ctx: AppContext, actor: Actor) {
  const scope = departmentScope(actor, 'professional_card.manage');
  const rows = await repo.openReplacementsIn(ctx.db, scope);
  return {
    items: rows.map((r) => ({
      id: r.id,
      agentId: r.agent_id,
      name: `${r.first_name} ${r.last_name}`,
      badgeNumber: r.badge_number,
      kind: r.kind as 'lost' | 'stolen',
      stage: r.stage as repo.ReplacementStage,
      declaredAt: r.declared_at.toISOString(),
    })),
  };
}
