import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { remindExpiringPasswords } from './password-expiry.ts';

describe('password renewal reminders', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('pglite');
  });
  after(async () => t.close());

  test('e-mails each agent once from 14 days before the password expires (90 days for privileged roles)', async () => {
    const day = 86_400_000;
    const now = t.clock.now();
    const soon = await createAgent(t.database.db, { passwordChangedAt: new Date(now.getTime() - 170 * day) });
    const fine = await createAgent(t.database.db, { passwordChangedAt: new Date(now.getTime() - 100 * day) });
    const admin = await createAgent(t.database.db, { passwordChangedAt: new Date(now.getTime() - 80 * day), role: 'administrator' });
    const expired = await createAgent(t.database.db, { passwordChangedAt: new Date(now.getTime() - 200 * day) });

    assert.equal(await remindExpiringPasswords(t.app.ctx, now), 2);
    assert.equal(await remindExpiringPasswords(t.app.ctx, now), 0, 'once only');
    const mails = await t.database.db.selectFrom('outbox_messages').select(['recipient', 'subject', 'body']).execute();
    const to = mails.map((m) => m.recipient).sort();
    assert.deepEqual(to, [soon.email, admin.email].sort());
    assert.ok(!to.includes(fine.email) && !to.includes(expired.email));
    assert.match(mails[0]!.subject, /expire bientôt/);
  });
});
