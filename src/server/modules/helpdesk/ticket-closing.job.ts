import type { AppContext } from '../../app-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AUTO_CLOSE_AFTER_MS } from './helpdesk-rules.ts';
import * as repo from './helpdesk.repo.ts';

type Log = { info(obj: object, msg?: string): void };

// A solution left unanswered for 7 days is taken as accepted: the ticket closes and the agent may still rate it.
export async function closeUnansweredSolutions(ctx: AppContext, now: Date, log: Log): Promise<void> {
  const due = await repo.solvedBefore(ctx.db, new Date(now.getTime() - AUTO_CLOSE_AFTER_MS));
  for (const ticket of due) {
    await inTransaction(ctx.db, async (trx) => {
      await repo.insertFollowup(trx, {
        ticketId: ticket.id,
        authorId: null,
        visibility: 'public',
        kind: 'event',
        body: 'Demande close automatiquement : la solution est restée 7 jours sans réponse.',
        at: now,
      });
      await repo.updateTicket(trx, ticket.id, { status: 'closed', closed_at: now });
    });
  }
  if (due.length) log.info({ closed: due.length }, 'helpdesk tickets closed after 7 days without answer');
}
