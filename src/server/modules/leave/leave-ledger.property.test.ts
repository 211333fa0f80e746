import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { createAgent } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { type Actor, loadActor } from '../access/index.ts';
import { hrOrganisation } from '../accounts/test-support.ts';
import { closeOwnRequest, decideRequest } from '../requests/index.ts';
import { submitLeave } from './leave-request.service.ts';
import { addDays } from './rules/index.ts';

reportSkippedPostgres();

type Fate = 'approve' | 'refuse' | 'withdraw' | 'cancel' | 'leave pending';

// A request somewhere in 2027 (next year for the test clock, so any of them may be cancelled), of one to
// eight days starting on any weekday, with half days at either end, and what then happens to it.
const ask = fc.record({
  week: fc.integer({ min: 0, max: 50 }),
  weekday: fc.integer({ min: 0, max: 4 }),
  days: fc.integer({ min: 0, max: 7 }),
  type: fc.constantFrom('annual_leave' as const, 'rtt' as const),
  startsIn: fc.constantFrom('morning' as const, 'afternoon' as const),
  endsAt: fc.constantFrom('noon' as const, 'evening' as const),
  fate: fc.constantFrom<Fate>('approve', 'refuse', 'withdraw', 'cancel', 'leave pending'),
});

for (const kind of testDatabaseKinds()) {
  describe(`leave ledger (${kind})`, () => {
    let t: TestApp;
    let db: Db;
    let managerId: string;
    let manager: Actor;
    let runs = 0;

    before(async () => {
      t = await createTestApp(kind);
      db = t.database.db;
      managerId = (await hrOrganisation(db)).dascoManager.agentId;
      manager = (await loadActor(db, managerId))!;
    });
    after(async () => t.close());

    test('whatever is asked, approved, refused, withdrawn or cancelled, each balance is allocation − taken + cancelled, and never below zero', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(ask, { minLength: 1, maxLength: 8 }), async (asks) => {
          const agent = await createAgent(db, { firstName: 'Prop', lastName: `Erty${(runs += 1)}` });
          await db.updateTable('agents').set({ manager_id: managerId }).where('id', '=', agent.agentId).execute();
          // A 37h30 post: 15 days of RTT besides the 25 days of annual leave.
          await db
            .insertInto('personal_files')
            .values({ agent_id: agent.agentId, birth_name: 'Erty', birth_date: '1990-01-01', birth_place: 'Paris', address_line1: '1 rue Lobau', postal_code: '75004', city: 'Paris', weekly_minutes: 2250 })
            .execute();
          for (const [i, a] of asks.entries()) {
            const startDate = addDays('2027-01-04', a.week * 7 + a.weekday);
            const body = { type: a.type, startDate, startsIn: a.startsIn, endDate: addDays(startDate, a.days), endsAt: a.endsAt };
            let id: string;
            try {
              id = (await submitLeave(t.app.ctx, agent.agentId, body, `prop-${runs}-${i}`)).requestId;
            } catch (error) {
              // Refusals are the rules at work (overlap, balance, 31 days, a half-day shape): never anything else.
              if (error instanceof AppError && error.code === 'unprocessable') continue;
              throw error;
            }
            if (a.fate === 'approve' || a.fate === 'cancel') await decideRequest(t.app.ctx, manager, id, { decision: 'approve' });
            if (a.fate === 'refuse') await decideRequest(t.app.ctx, manager, id, { decision: 'refuse', reason: 'Service en sous-effectif' });
            if (a.fate === 'withdraw' || a.fate === 'cancel') await closeOwnRequest(t.app.ctx, agent.agentId, id, null);
          }

          const lines = await db.selectFrom('leave_ledger').select(['leave_type', 'entry', 'half_days']).where('agent_id', '=', agent.agentId).where('leave_year', '=', 2027).execute();
          const requests = await db
            .selectFrom('leave_requests as l')
            .innerJoin('requests as r', 'r.id', 'l.request_id')
            .select(['l.leave_type', 'l.half_days', 'r.status'])
            .where('l.agent_id', '=', agent.agentId)
            .execute();
          for (const type of ['annual_leave', 'rtt']) {
            const sum = (entry: string) => lines.filter((l) => l.leave_type === type && l.entry === entry).reduce((s, l) => s + l.half_days, 0);
            const asked = (...statuses: string[]) => requests.filter((r) => r.leave_type === type && statuses.includes(r.status)).reduce((s, r) => s + r.half_days, 0);
            const balance = lines.filter((l) => l.leave_type === type).reduce((s, l) => s + l.half_days, 0);
            assert.equal(balance, sum('allocation') - (0 - sum('taken')) + sum('cancelled'));
            assert.equal(0 - sum('taken'), asked('approved', 'cancelled'), 'every approved request was taken once');
            assert.equal(sum('cancelled'), asked('cancelled'), 'every cancelled one given back once');
            assert.ok(balance >= 0, `${type} balance ${balance}`);
            assert.ok(balance - asked('pending') >= 0, `${type} available ${balance - asked('pending')}`);
          }
        }),
        { numRuns: 30 },
      );
    });
  });
}
