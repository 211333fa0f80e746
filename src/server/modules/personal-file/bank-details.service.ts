import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { frenchDay } from './french-dates.ts';
import { isRecentlyAuthenticated, type Session } from '../identity/session.service.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { bicProblem, ibanProblem, maskedIban, nextPayRunStart, normaliseIban } from './bank-details.rules.ts';
import * as repo from './personal-file.repo.ts';

// A diverted salary is the classic fraud on HR portals: the change needs a fresh sign-in, is announced to the
// agent's professional address, and only applies from the next pay run so there is time to react.
export async function changeBankDetails(
  ctx: AppContext,
  session: Session,
  auditActor: AuditActor,
  input: { iban: string; bic: string },
): Promise<{ iban: string; effectiveFrom: string }> {
  if (!isRecentlyAuthenticated(ctx, session)) {
    throw new AppError('reauthentication_required', 'Confirmez votre identité (mot de passe ou deuxième facteur) avant de changer vos coordonnées bancaires.');
  }
  const iban = normaliseIban(input.iban);
  const bic = input.bic.replace(/\s/g, '').toUpperCase();
  const problems = [ibanProblem(iban), bicProblem(bic)].filter((p) => p !== null);
  if (problems.length > 0) throw new AppError('unprocessable', problems[0]!.message, { errors: problems });

  const now = ctx.clock.now();
  const effectiveFrom = nextPayRunStart(now);
  const last4 = iban.slice(-4);
  const agent = await repo.agentLabel(ctx.db, session.agentId);
  const previous = (await repo.bankDetailsOf(ctx.db, session.agentId))[0];
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertBankDetails(trx, {
      agentId: session.agentId,
      ibanEncrypted: ctx.keys.encrypt('bank-details', iban),
      bicEncrypted: ctx.keys.encrypt('bank-details', bic),
      last4,
      effectiveFrom,
      at: now,
    });
    await recordAudit(trx, {
      actor: auditActor,
      action: 'personal_file.bank_details_changed',
      target: { type: 'agent', id: session.agentId, label: `${agent.first_name} ${agent.last_name} (${agent.badge_number})` },
      departmentId: agent.department_id,
      changes: { iban: { from: previous ? 'ancien' : null, to: 'nouveau' }, effectiveFrom: { from: previous?.effective_from ?? null, to: effectiveFrom } },
      at: now,
    });
    await enqueueEmail(
      trx,
      {
        to: agent.email,
        subject: 'Vos coordonnées bancaires ont été modifiées',
        text:
          `Bonjour ${agent.first_name} ${agent.last_name},\n\n` +
          `Vos coordonnées bancaires ont été modifiées sur le portail des agents. Le nouveau compte (IBAN se terminant par ${last4}) ` +
          `sera utilisé pour votre rémunération à partir de la paie du ${frenchDay(effectiveFrom)}.\n\n` +
          'Si ce n’est pas vous, contactez immédiatement votre gestionnaire RH et le support informatique, ' +
          'et changez votre mot de passe : le changement peut encore être annulé avant la prochaine paie.',
      },
      now,
    );
  });
  return { iban: maskedIban(last4), effectiveFrom };
}
