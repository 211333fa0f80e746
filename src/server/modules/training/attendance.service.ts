import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import { type Actor, assertAllowed, decide } from '../access/index.ts';
import { notifyAgent } from '../notifications/index.ts';
import { renderAttendanceCertificate } from './attendance-certificate.pdf.ts';
import * as catalogue from './catalogue.repo.ts';
import { MY_TRAININGS_PAGE } from './registration.service.ts';
import * as repo from './registrations.repo.ts';
import { attendanceOpen } from './session-rules.ts';
import type { AttendanceBody, HrSession, HrSessionPage, HrSessionsQuery, RegistrationStatus, SessionRegistrants, TrainingFormat, TrainingTheme } from './training.schema.ts';
import { duration, formatLabels, sessionDates, themeLabels } from './training-words.ts';

function hrSession(s: catalogue.SessionRow & { title: string; format: string }, counts: repo.SessionCounts | undefined): HrSession {
  return {
    id: s.id,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    place: s.place,
    course: { id: s.course_id, title: s.title, format: s.format as TrainingFormat },
    capacity: s.capacity,
    registered: counts?.registered ?? 0,
    waiting: counts?.waiting ?? 0,
    pending: counts?.pending ?? 0,
    attended: counts?.attended ?? 0,
    absent: counts?.absent ?? 0,
  };
}

export async function sessionsForHr(ctx: AppContext, actor: Actor, query: z.infer<typeof HrSessionsQuery>): Promise<HrSessionPage> {
  assertAllowed(actor, 'training.manage');
  const rows = await catalogue.sessionsForHr(ctx.db, { ...query, limit: query.limit + 1, today: parisDate(ctx.clock.now()) });
  const page = rows.slice(0, query.limit);
  const counts = await repo.countsBySession(ctx.db, page.map((s) => s.id));
  return { items: page.map((s) => hrSession(s, counts.get(s.id))), hasMore: rows.length > query.limit };
}

export async function sessionRegistrants(ctx: AppContext, actor: Actor, sessionId: string): Promise<SessionRegistrants> {
  assertAllowed(actor, 'training.manage');
  const session = await repo.findSession(ctx.db, sessionId);
  if (!session) throw new AppError('not_found', 'Aucune session correspondante.');
  const [rows, counts, positions] = await Promise.all([repo.registrantsOf(ctx.db, session.id), repo.countsBySession(ctx.db, [session.id]), repo.waitingPositions(ctx.db, [session.id])]);
  return {
    session: hrSession(session, counts.get(session.id)),
    attendanceOpen: attendanceOpen(session, parisDate(ctx.clock.now())),
    items: rows.map((r) => ({
      registrationId: r.id,
      agent: { id: r.agent_id, firstName: r.first_name, lastName: r.last_name, badgeNumber: r.badge_number, department: r.department_code },
      status: r.status as RegistrationStatus,
      waitingPosition: positions.get(r.id) ?? null,
      requestedAt: r.requested_at.toISOString(),
    })),
  };
}

const attending: readonly string[] = ['registered', 'attended', 'absent'];

// HR ticks present or absent for those who had a seat, from the session's last day on; a mistake is
// corrected by recording again. All the entries or none: one wrong line and nothing is written.
export async function recordAttendance(ctx: AppContext, actor: Actor, sessionId: string, body: AttendanceBody): Promise<SessionRegistrants> {
  assertAllowed(actor, 'training.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const session = await repo.lockSession(trx, sessionId);
    if (!session) throw new AppError('not_found', 'Aucune session correspondante.');
    const now = ctx.clock.now();
    if (!attendanceOpen(session, parisDate(now))) {
      throw new AppError('unprocessable', `La présence se saisit à partir du dernier jour de la session, le ${frenchDate(session.ends_on)}.`);
    }
    const registrants = new Map((await repo.registrantsOf(trx, session.id)).map((r) => [r.id, r]));
    const problems: FieldError[] = [];
    body.entries.forEach((entry, index) => {
      if (!attending.includes(registrants.get(entry.registrationId)?.status ?? '')) {
        problems.push({ field: `entries.${index}.registrationId`, rule: 'training_not_seated', message: 'cet agent n’avait pas de place à cette session' });
      }
    });
    if (problems.length > 0) throw new AppError('validation_failed', 'Présence non enregistrée : certaines lignes ne correspondent à aucun inscrit.', { errors: problems });
    for (const entry of body.entries) {
      const registrant = registrants.get(entry.registrationId)!;
      const status = entry.attended ? 'attended' : 'absent';
      await repo.setStatus(trx, registrant.id, status, now, actor.agentId);
      if (status === 'attended' && registrant.status !== 'attended') {
        await notifyAgent(
          trx,
          {
            agentId: registrant.agent_id,
            kind: 'training.attended',
            title: 'Formation : votre attestation de présence est disponible',
            body: `Votre présence à « ${session.title} » ${sessionDates(session.starts_on, session.ends_on)} est enregistrée. Téléchargez votre attestation depuis la page Formation.`,
            link: MY_TRAININGS_PAGE,
          },
          now,
          ctx.config.publicUrl,
        );
      }
    }
  });
  return sessionRegistrants(ctx, actor, sessionId);
}

// For the agent who attended, and for HR; anyone else: 404. Made again at each download from what is
// recorded, dated the day attendance was recorded: the same document every time.
export async function attendanceCertificate(ctx: AppContext, actor: Actor, registrationId: string): Promise<{ pdf: Buffer; filename: string }> {
  const row = await repo.certificateFacts(ctx.db, registrationId);
  if (!row || (row.agent_id !== actor.agentId && !decide(actor, 'training.manage').allowed)) throw new AppError('not_found', 'Aucune inscription correspondante.');
  if (row.status !== 'attended' || !row.attendance_recorded_at) {
    throw new AppError('unprocessable', 'L’attestation est délivrée une fois votre présence enregistrée par le service formation.');
  }
  const pdf = await renderAttendanceCertificate({
    orgName: ctx.config.org.name,
    departmentName: row.department_name,
    agentName: `${row.first_name} ${row.last_name.toUpperCase()}`,
    badgeNumber: row.badge_number,
    courseTitle: row.title,
    theme: themeLabels[row.theme as TrainingTheme],
    format: formatLabels[row.format as TrainingFormat],
    dates: sessionDates(row.starts_on, row.ends_on),
    duration: duration(row.duration_minutes),
    place: row.format === 'e_learning' ? null : row.place,
    issuedOn: frenchDate(parisDate(row.attendance_recorded_at)),
    issuedAt: row.attendance_recorded_at,
    reference: `FOR-${row.starts_on.slice(0, 4)}-${row.id.slice(0, 8).toUpperCase()}`,
  });
  return { pdf, filename: `attestation-formation-${row.starts_on}.pdf` };
}
