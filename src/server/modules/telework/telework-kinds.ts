import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import { addDays } from '../leave/rules/index.ts';
import { type RequestRecord, registerRequestKind } from '../requests/index.ts';
import { ALLOWANCE_KIND } from './telework-allowance.ts';
import { TELEWORK_KIND } from './telework-request.service.ts';
import * as repo from './telework.repo.ts';

const requestPage = (id: string) => `/demandes/${encodeURIComponent(id)}`;

export const INTERVIEW_REQUIRED = 'Un refus de télétravail suit un entretien avec l’agent : refusez depuis la page Télétravail, rubrique « Demandes de mon équipe », en indiquant la date de l’entretien et qui y a assisté.';

// Approved, the arrangement applies from the day asked, or from the approval if it comes later; one still
// running ends the day before (a new request replaces the old arrangement, by agreement of both sides).
async function startArrangement(trx: Db, ctx: AppContext, request: RequestRecord): Promise<void> {
  const arrangement = await repo.findArrangement(trx, request.id);
  if (!arrangement) return;
  const today = parisDate(ctx.clock.now());
  const startsOn = arrangement.starts_on < today ? today : arrangement.starts_on;
  if (startsOn !== arrangement.starts_on) await repo.setStart(trx, request.id, startsOn);
  const lastDay = addDays(startsOn, -1);
  for (const previous of await repo.otherArrangementsRunningOn(trx, request.agentId, startsOn, request.id)) {
    await repo.setEnding(trx, previous.request_id, {
      noticeGivenOn: null,
      noticeGivenBy: null,
      endsOn: lastDay,
      reason: `Remplacé par le télétravail accordé à partir du ${frenchDate(startsOn)}.`,
    });
    await repo.deleteBookingsAfter(trx, previous.request_id, lastDay);
  }
}

export function registerTeleworkKinds(): void {
  registerRequestKind({
    kind: TELEWORK_KIND,
    label: 'Demande de télétravail',
    hrStep: false,
    // A refusal needs an interview, an approval a reading of the days asked: one by one.
    bulkApprovable: false,
    pageOf: requestPage,
    onApproved: startArrangement,
    async onClosed(trx, _ctx, request, outcome) {
      if (outcome === 'refused' && !(await repo.hasInterview(trx, request.id))) throw new AppError('unprocessable', INTERVIEW_REQUIRED);
    },
    async cancellationRefusal(trx, ctx, request) {
      const arrangement = await repo.findArrangement(trx, request.id);
      if (!arrangement || arrangement.starts_on > parisDate(ctx.clock.now())) return null;
      return 'Votre télétravail a commencé : mettez-y fin depuis la page Télétravail, avec le délai de prévenance.';
    },
  });
  registerRequestKind({
    kind: ALLOWANCE_KIND,
    label: 'Demande de forfait télétravail',
    hrStep: true,
    bulkApprovable: true,
    pageOf: requestPage,
    async cancellationRefusal() {
      return 'Le forfait accordé part en paie : pour le corriger, adressez-vous au service RH.';
    },
  });
}
