import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import { notifyAgent } from '../notifications/index.ts';
import { type RequestKind, type RequestRecord, submitRequest } from '../requests/index.ts';
import * as repo from './registrations.repo.ts';
import { isOpen } from './session-rules.ts';
import type { MyTrainingList, RegisterBody, RegistrationStatus } from './training.schema.ts';
import { sessionDates } from './training-words.ts';

export const MY_TRAININGS_PAGE = '/formation';

type SessionWords = { title: string; starts_on: string; ends_on: string; format: string; place: string };
const what = (session: SessionWords) => `« ${session.title} » ${sessionDates(session.starts_on, session.ends_on)}`;

/** The request's one line. The engine has no place for the agent's words yet: the manager reads them here. */
export function requestSummary(session: SessionWords, comment: string | null): string {
  return `Formation ${what(session)}${session.format === 'e_learning' ? '' : `, ${session.place}`}${comment ? ` — « ${comment} »` : ''}`;
}

// The agent asks; the request goes to their manager like any other. No seat is held while it waits: an
// unanswered request must not keep a colleague out. The seat is given at the manager's approval, or a place
// on the waiting list when the session is full by then.
export async function registerForSession(ctx: AppContext, agentId: string, sessionId: string, body: RegisterBody, idempotencyKey: string) {
  const session = await repo.findSession(ctx.db, sessionId);
  if (!session) throw new AppError('not_found', 'Aucune session correspondante.');
  if (!isOpen(session, parisDate(ctx.clock.now()))) throw new AppError('unprocessable', `Les inscriptions sont closes : la session a commencé ${sessionDates(session.starts_on, session.starts_on)}.`);
  const comment = body.comment ? body.comment : null;
  const summary = requestSummary(session, comment);
  let registrationId: string | undefined;
  const { request, replayed } = await submitRequest(ctx, { agentId, kind: 'training', summary, idempotencyKey }, async (trx, request) => {
    if (await repo.liveRegistrationOf(trx, session.id, agentId)) throw new AppError('conflict', 'Vous avez déjà une inscription en cours à cette session.');
    registrationId = await repo.insertRegistration(trx, { sessionId: session.id, agentId, requestId: request.id, comment, at: request.submittedAt });
  });
  const registration = registrationId ? { id: registrationId, status: 'pending' } : await repo.registrationOfRequest(ctx.db, request.id);
  if (!registration) throw new AppError('conflict', 'Cette clé d’idempotence a déjà servi pour une autre demande.');
  return { registrationId: registration.id, requestId: request.id, status: registration.status as RegistrationStatus, replayed };
}

// The manager said yes: a seat if one is free, otherwise the end of the waiting list. Counted under the
// session's lock, so that ten approvals at once on three seats give three seats and seven waiting.
async function giveSeatOrWaitingPlace(trx: Db, ctx: AppContext, request: RequestRecord): Promise<void> {
  const registration = await repo.registrationOfRequest(trx, request.id);
  if (!registration) return;
  const session = await repo.lockSession(trx, registration.session_id);
  if (!session) return;
  const now = ctx.clock.now();
  if (!isOpen(session, parisDate(now))) {
    throw new AppError('unprocessable', `La session ${what(session)} a commencé : refusez la demande, l’agent en sera informé.`);
  }
  const taken = repo.seatsTaken((await repo.countsBySession(trx, [session.id])).get(session.id));
  if (session.capacity === null || taken < session.capacity) {
    await repo.setStatus(trx, registration.id, 'registered', now);
    return;
  }
  await repo.setStatus(trx, registration.id, 'waiting', now);
  const position = (await repo.waitingPositions(trx, [session.id])).get(registration.id);
  await notifyAgent(
    trx,
    {
      agentId: registration.agent_id,
      kind: 'training.waiting',
      title: 'Formation : vous êtes sur la liste d’attente',
      body: `La session ${what(session)} est complète : vous êtes en position ${position} sur la liste d’attente. Vous serez inscrit(e) automatiquement si une place se libère.`,
      link: MY_TRAININGS_PAGE,
    },
    now,
    ctx.config.publicUrl,
  );
}

const closedStatus = { refused: 'refused', withdrawn: 'withdrawn', cancelled: 'cancelled' } as const;

// Refused, withdrawn or cancelled: a seat it held goes at once, in the same transaction, to the first agent
// waiting, who is told.
async function release(trx: Db, ctx: AppContext, request: RequestRecord, outcome: keyof typeof closedStatus): Promise<void> {
  const found = await repo.registrationOfRequest(trx, request.id);
  if (!found) return;
  const session = await repo.lockSession(trx, found.session_id);
  // Read again under the lock: a cancellation racing the list moving up sees where the agent now stands.
  const registration = await repo.findRegistration(trx, found.id);
  if (!session || !registration) return;
  const now = ctx.clock.now();
  await repo.setStatus(trx, registration.id, closedStatus[outcome], now);
  if (registration.status === 'registered' && session.capacity !== null) await moveUpWaitingList(trx, ctx, session, now);
}

async function moveUpWaitingList(trx: Db, ctx: AppContext, session: repo.SessionWithCourse, now: Date): Promise<void> {
  let taken = repo.seatsTaken((await repo.countsBySession(trx, [session.id])).get(session.id));
  while (session.capacity !== null && taken < session.capacity) {
    const next = await repo.firstWaiting(trx, session.id);
    if (!next) return;
    await repo.setStatus(trx, next.id, 'registered', now);
    taken += 1;
    await notifyAgent(
      trx,
      {
        agentId: next.agent_id,
        kind: 'training.seat',
        title: 'Formation : une place s’est libérée pour vous',
        body: `Une place s’est libérée : vous êtes inscrit(e) à la session ${what(session)}, ${session.place}.`,
        link: MY_TRAININGS_PAGE,
      },
      now,
      ctx.config.publicUrl,
    );
  }
}

async function cancellationRefusal(trx: Db, ctx: AppContext, request: RequestRecord): Promise<string | null> {
  const registration = await repo.registrationOfRequest(trx, request.id);
  if (!registration) return null;
  if (registration.status === 'attended' || registration.status === 'absent') return 'Votre présence à cette session a été enregistrée : l’inscription ne peut plus être annulée.';
  const session = await repo.findSession(trx, registration.session_id);
  if (session && !isOpen(session, parisDate(ctx.clock.now()))) return `La session ${what(session)} a commencé : adressez-vous au service formation.`;
  return null;
}

// Simple to answer from the inbox, hence bulk-approvable: a yes or a no, no form to read, and the seat or the
// waiting list follows by itself. The agent's comment is in the request's one line.
export const trainingRequestKind: RequestKind = {
  kind: 'training',
  label: 'Demande de formation',
  hrStep: false,
  bulkApprovable: true,
  pageOf: () => MY_TRAININGS_PAGE,
  onApproved: giveSeatOrWaitingPlace,
  onClosed: (trx, ctx, request, outcome) => release(trx, ctx, request, outcome),
  cancellationRefusal,
};

const HISTORY_LIMIT = 200;

/** The agent's trainings, latest sessions first: where they stand, and what they may still do. */
export async function myTrainings(ctx: AppContext, agentId: string): Promise<MyTrainingList> {
  const rows = await repo.registrationsOfAgent(ctx.db, agentId, HISTORY_LIMIT);
  const positions = await repo.waitingPositions(ctx.db, [...new Set(rows.filter((r) => r.status === 'waiting').map((r) => r.session_id))]);
  const today = parisDate(ctx.clock.now());
  return {
    items: rows.map((r) => {
      const status = r.status as RegistrationStatus;
      const open = isOpen(r, today);
      return {
        registrationId: r.id,
        requestId: r.request_id,
        status,
        waitingPosition: positions.get(r.id) ?? null,
        course: { id: r.course_id, title: r.title, format: r.format as MyTrainingList['items'][number]['course']['format'] },
        session: { id: r.session_id, startsOn: r.starts_on, endsOn: r.ends_on, place: r.place },
        requestedAt: r.requested_at.toISOString(),
        mayCancel: status === 'pending' || ((status === 'registered' || status === 'waiting') && open),
        certificate: status === 'attended',
      };
    }),
  };
}
