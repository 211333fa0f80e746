import { AppError } from '../../http/errors.ts';
import type { TargetAgent } from '../access/index.ts';
import { drawWelcomeCredentials, grantWelcomeCredentials, welcomeCredentialsStillValid } from '../identity/index.ts';
import * as repo from './accounts.repo.ts';
import type { WelcomeLetterBody } from './accounts.schema.ts';
import { agentLabel, assertNotOwnAccount, auditAgent, conflict, type HrContext, refuseDeparted } from './hr-context.ts';
import { parisMidnight } from './paris-calendar.ts';
import { renderWelcomeLetter } from './welcome-letter.pdf.ts';

/**
 * The welcome letter as a PDF. The clear secrets are never stored, so either the page sends back the ones
 * the creation answer showed (checked against the stored hash and MAC, then printed as they are), or new
 * ones are drawn: they replace the old ones and end the agent's sessions. Either way the printing is audited.
 */
export async function printWelcomeLetter(h: HrContext, on: TargetAgent, body: WelcomeLetterBody): Promise<{ pdf: Buffer; badgeNumber: string }> {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, on.agentId);
  const now = ctx.clock.now();
  const row = await repo.findAgentDetail(ctx.db, on.agentId);
  if (!row) throw new AppError('not_found', 'Aucun agent correspondant.');
  refuseDeparted(row);
  if (row.status === 'suspended') throw conflict(`Le compte de l’agent ${row.badge_number} est suspendu : réactivez-le avant d’imprimer sa lettre.`);
  const pending = row.status === 'pending';

  let secrets: { temporaryPassword: string; enrolmentCode: string; enrolmentCodeExpiresAt: Date };
  if (body.temporaryPassword !== undefined && body.enrolmentCode !== undefined) {
    // Printed as the agent will type it, whatever case and spacing the page sent back.
    const code = body.enrolmentCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const typed = { temporaryPassword: body.temporaryPassword.trim(), enrolmentCode: `${code.slice(0, 4)}-${code.slice(4)}` };
    const check = await welcomeCredentialsStillValid(ctx.db, ctx.keys, ctx.clock, row.id, typed);
    if (!check.valid || !check.enrolmentCodeExpiresAt) {
      throw conflict(
        'Ces identifiants ne sont plus ceux de l’agent (déjà utilisés, expirés ou mal recopiés) : imprimez une nouvelle lettre, qui en donnera de nouveaux.',
      );
    }
    secrets = { ...typed, enrolmentCodeExpiresAt: check.enrolmentCodeExpiresAt };
    await ctx.db.transaction().execute((trx) =>
      auditAgent(trx, {
        who,
        action: 'account.welcome_letter',
        agent: { id: row.id, label: agentLabel(row), departmentId: row.department_id },
        reason: body.reason || 'Lettre d’accueil des identifiants remis à la création',
        at: now,
      }),
    );
  } else {
    const credentials = await drawWelcomeCredentials(ctx.keys, ctx.clock, pending ? parisMidnight(row.start_date) : undefined);
    await ctx.db.transaction().execute(async (trx) => {
      const agent = await repo.lockAgent(trx, row.id);
      if (!agent) throw new AppError('not_found', 'Aucun agent correspondant.');
      refuseDeparted(agent);
      await grantWelcomeCredentials(trx, agent.id, credentials);
      await auditAgent(trx, {
        who,
        action: 'account.welcome_letter',
        agent: { id: agent.id, label: agentLabel(agent), departmentId: agent.department_id },
        // Values of secrets never enter the trail: the keys say they were replaced.
        changes: { temporaryPassword: 'new', enrolmentCode: 'new' },
        reason: body.reason || 'Nouvelle lettre d’accueil (nouveaux identifiants)',
        at: now,
      });
    });
    secrets = credentials;
  }

  const hr = await ctx.db
    .selectFrom('agents')
    .select(['first_name', 'last_name', 'email', 'professional_phone'])
    .where('id', '=', actor.agentId)
    .executeTakeFirstOrThrow();
  const pdf = await renderWelcomeLetter({
    orgName: ctx.config.org.name,
    departmentName: row.department_name,
    portalUrl: ctx.config.publicUrl,
    agent: {
      firstName: row.first_name,
      lastName: row.last_name,
      badgeNumber: row.badge_number,
      email: row.email,
      startDate: row.start_date,
      pending,
    },
    ...secrets,
    hrContact: { name: `${hr.first_name} ${hr.last_name}`, email: hr.email, phone: hr.professional_phone },
    manager: row.manager_badge_number ? `${row.manager_first_name} ${row.manager_last_name}` : null,
    printedAt: now,
  });
  return { pdf, badgeNumber: row.badge_number };
}
