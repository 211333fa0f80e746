import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { type Action, type Actor, decide, type TargetAgent } from '../access/index.ts';
import { accountConflictOf, drawWelcomeCredentials, grantWelcomeCredentials, insertAgentWithAccount } from '../identity/index.ts';
import * as repo from './accounts.repo.ts';
import type { AgentDetail, AgentListQuery, AgentSummary, CreateAgentBody, UpdateAgentBody } from './accounts.schema.ts';
import { changesBetween, creationChanges, snapshotOf, toAgentDetail } from './agent-view.ts';
import {
  agentLabel,
  assertNotOwnAccount,
  auditAgent,
  conflict,
  type HrContext,
  inPerimeter,
  invalid,
  perimeterOf,
  refuseDeparted,
} from './hr-context.ts';
import * as mobilityRepo from './mobility.repo.ts';
import * as lookup from './organisation-lookup.repo.ts';
import { addDays, parisDate, parisMidnight } from './paris-calendar.ts';
import { resolvePlacement } from './placement.ts';

export async function listAgents(ctx: AppContext, actor: Actor, q: AgentListQuery) {
  const perimeter = perimeterOf(actor, 'account.view');
  const { items, total } = await repo.listAgents(ctx.db, {
    departmentIds: perimeter.all ? undefined : [...perimeter.departmentIds],
    status: q.status,
    departmentCode: q.department,
    serviceCode: q.service?.toUpperCase(),
    text: q.q || undefined,
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  const summaries: AgentSummary[] = items.map((r) => ({
    id: r.id,
    badgeNumber: r.badge_number,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    department: { code: r.department_code, name: r.department_name },
    service: r.service_code && r.service_name ? { code: r.service_code, name: r.service_name } : null,
    jobTitle: r.job_title,
    status: r.status as AgentSummary['status'],
    startDate: r.start_date,
    departureDate: r.departure_date,
  }));
  return { items: summaries, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The agent as the reader sees them. `because` is the action that let the reader reach them (a security
 * officer suspends without HR's right to view): it explains the access.
 */
export async function getAgent(ctx: AppContext, actor: Actor, target: TargetAgent, because: Action = 'account.view'): Promise<AgentDetail> {
  const db = ctx.db;
  const row = await repo.findAgentDetail(db, target.agentId);
  if (!row) throw new AppError('not_found', 'Aucun agent correspondant.');
  const [lastSignInAt, secondFactors, mobility] = await Promise.all([
    repo.lastSignInAt(db, row.id),
    repo.confirmedSecondFactors(db, row.id),
    mobilityRepo.findPendingChange(db, row.id),
  ]);
  const viewing = decide(actor, 'account.view', target);
  const visibleBecause = viewing.allowed ? viewing.reason : decide(actor, because, target).reason;
  return toAgentDetail(
    row,
    { lastSignInAt, secondFactors, now: ctx.clock.now(), visibleBecause },
    mobility
      ? {
          effectiveDate: mobility.effective_date,
          department: { code: mobility.department_code, name: mobility.department_name },
          service: mobility.service_code && mobility.service_name ? { code: mobility.service_code, name: mobility.service_name } : null,
          manager: mobility.manager_badge_number
            ? { badgeNumber: mobility.manager_badge_number, firstName: mobility.manager_first_name ?? '', lastName: mobility.manager_last_name ?? '' }
            : null,
          reason: mobility.reason,
        }
      : null,
  );
}

/**
 * Creates an agent in a department of the actor's perimeter: pending until their start date, with a
 * temporary password and an enrolment code returned once (only their hash and MAC are stored).
 * A department outside the perimeter answers 403 with a field error on departmentCode (departments are public).
 */
export async function createAgent(h: HrContext, body: CreateAgentBody) {
  const { ctx, actor, who } = h;
  const perimeter = perimeterOf(actor, 'account.create');
  const department = await lookup.findDepartment(ctx.db, body.departmentCode);
  if (!department) {
    throw invalid([{ field: 'departmentCode', rule: 'unknown', message: `la direction ${body.departmentCode} n’existe pas` }]);
  }
  if (!inPerimeter(perimeter, department.id)) {
    const message = `vous ne gérez pas les agents de la ${department.code}`;
    throw new AppError('forbidden', `Création refusée : ${message}.`, { errors: [{ field: 'departmentCode', rule: 'outside_perimeter', message }] });
  }
  const { values, errors } = await resolvePlacement(ctx.db, body, {
    departmentId: department.id,
    departmentCode: department.code,
    currentServiceId: null,
    currentUnitId: null,
    organisationWide: perimeter.all,
  });
  const profile = await lookup.findJobProfile(ctx.db, body.jobProfileCode);
  const now = ctx.clock.now();
  if (body.startDate > addDays(parisDate(now), 366)) {
    errors.push({ field: 'startDate', rule: 'too_far', message: 'une arrivée dans un an au plus : créez le compte plus tard' });
  }
  if (errors.length > 0 || !profile) throw invalid(errors);

  const pending = body.startDate > parisDate(now);
  const credentials = await drawWelcomeCredentials(ctx.keys, ctx.clock, pending ? parisMidnight(body.startDate) : undefined);
  try {
    const agentId = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertAgentWithAccount(
        trx,
        {
          ...values,
          badge_number: body.badgeNumber,
          email: body.email,
          first_name: body.firstName,
          last_name: body.lastName,
          department_id: department.id,
          job_profile_id: profile.id,
          job_title: body.jobTitle ?? profile.name,
          manager_id: values.manager_id ?? null,
          professional_phone: body.professionalPhone ?? null,
          status: pending ? 'pending' : 'active',
          start_date: body.startDate,
        },
        null,
      );
      await grantWelcomeCredentials(trx, id, credentials);
      const after = await repo.findAgentDetail(trx, id);
      if (!after) throw new Error('created agent not found');
      await auditAgent(trx, {
        who,
        action: 'account.create',
        agent: { id, label: agentLabel(after), departmentId: department.id },
        changes: creationChanges(snapshotOf(after)),
        reason: body.reason || null,
        at: now,
      });
      return id;
    });
    const target = { agentId, departmentId: department.id, serviceId: null, unitId: null, managerId: null };
    return {
      agent: await getAgent(ctx, actor, target),
      temporaryPassword: credentials.temporaryPassword,
      enrolmentCode: credentials.enrolmentCode,
      enrolmentCodeExpiresAt: credentials.enrolmentCodeExpiresAt.toISOString(),
    };
  } catch (error) {
    throw accountConflictOf(error, body.badgeNumber, body.email) ?? error;
  }
}

/** Changes an agent's professional information; each field that changes is a line of the audit entry. */
export async function updateAgent(h: HrContext, target: TargetAgent, body: UpdateAgentBody) {
  const { ctx, actor, who } = h;
  assertNotOwnAccount(actor, target.agentId);
  const now = ctx.clock.now();
  try {
    const changed = await ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockAgent(trx, target.agentId);
      const before = await repo.findAgentDetail(trx, target.agentId);
      if (!locked || !before) throw new AppError('not_found', 'Aucun agent correspondant.');
      refuseDeparted(locked);

      const { values, errors } = await resolvePlacement(trx, body, {
        departmentId: before.department_id,
        departmentCode: before.department_code,
        currentServiceId: before.service_id,
        currentUnitId: before.unit_id,
        agentId: before.id,
        organisationWide: perimeterOf(actor, 'account.update').all,
      });
      if (body.email !== undefined) await assertEmailFree(trx, before.id, body.email);
      if (body.startDate !== undefined && body.startDate !== before.start_date) {
        if (before.status !== 'pending') {
          errors.push({ field: 'startDate', rule: 'arrived', message: 'la date d’arrivée ne se change plus une fois l’agent arrivé' });
        } else if (body.startDate > addDays(parisDate(now), 366)) {
          errors.push({ field: 'startDate', rule: 'too_far', message: 'une arrivée dans un an au plus' });
        } else {
          values.start_date = body.startDate;
          values.status = body.startDate > parisDate(now) ? 'pending' : 'active';
        }
      }
      if (values.start_date && before.departure_date && values.start_date >= before.departure_date) {
        errors.push({ field: 'startDate', rule: 'after_departure', message: 'la date d’arrivée doit précéder la date de départ prévue' });
      }
      if (errors.length > 0) throw invalid(errors);

      await repo.updateAgent(trx, before.id, {
        ...values,
        ...(body.firstName !== undefined ? { first_name: body.firstName } : {}),
        ...(body.lastName !== undefined ? { last_name: body.lastName } : {}),
        ...(body.email !== undefined ? { email: body.email } : {}),
        ...(body.jobTitle !== undefined ? { job_title: body.jobTitle } : {}),
        ...(body.professionalPhone !== undefined ? { professional_phone: body.professionalPhone } : {}),
      }, now);
      const after = await repo.findAgentDetail(trx, before.id);
      if (!after) throw new Error('updated agent not found');
      const changes = changesBetween(snapshotOf(before), snapshotOf(after));
      if (Object.keys(changes).length > 0) {
        await auditAgent(trx, {
          who,
          action: 'account.update',
          agent: { id: before.id, label: agentLabel(after), departmentId: before.department_id },
          changes,
          reason: body.reason || null,
          at: now,
        });
      }
      return Object.keys(changes);
    });
    return { agent: await getAgent(ctx, actor, target), changedFields: changed };
  } catch (error) {
    // The badge number does not change here: only the e-mail can collide.
    throw accountConflictOf(error, '', body.email ?? '') ?? error;
  }
}

async function assertEmailFree(db: Db, agentId: string, email: string): Promise<void> {
  const holders = await repo.findAgentsByBadgesOrEmails(db, [], [email]);
  if (holders.some((holder) => holder.id !== agentId)) {
    throw conflict(`L’adresse ${email} est déjà utilisée par un autre agent.`, 'email');
  }
}

/** What the HR pages offer in their lists: departments (with their services and units), sites, profiles, grades. */
export async function hrReference(ctx: AppContext, actor: Actor) {
  const perimeter = perimeterOf(actor, 'account.create');
  const [catalogue, { units, sites }] = await Promise.all([lookup.loadCatalogue(ctx.db), lookup.loadUnitsAndSites(ctx.db)]);
  return {
    departments: catalogue.departments.map((d) => ({
      code: d.code,
      name: d.name,
      manageable: inPerimeter(perimeter, d.id),
      services: catalogue.services
        .filter((s) => s.department_id === d.id)
        .map((s) => ({ code: s.code, name: s.name, units: units.filter((u) => u.service_id === s.id).map((u) => ({ id: u.id, name: u.name })) })),
    })),
    sites,
    jobProfiles: catalogue.jobProfiles.map((p) => ({ code: p.code, name: p.name })),
    grades: catalogue.grades.map((g) => ({ code: g.code, name: g.name, category: g.category })),
  };
}
