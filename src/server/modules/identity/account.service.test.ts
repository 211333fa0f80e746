import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { ensureReferenceData } from '../../seed/reference-data.ts';
import { createTestDatabase, reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { createDepartment } from '../organisation/index.ts';
import { manualClock } from '../../clock.ts';
import { createKeys } from '../../security/keys.ts';
import {
  createAccount,
  ENROLMENT_CODE_VALIDITY_MS,
  enrolmentCodeMac,
  issueEnrolmentCode,
  issueTemporaryPassword,
  listAccounts,
  verifyPassword,
} from './index.ts';

reportSkippedPostgres();

function rejectsWith(code: AppError['code'], check?: (error: AppError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    check?.(error);
    return true;
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`accounts created by an administrator (${kind})`, () => {
    let database: DatabaseHandle;
    before(async () => {
      database = await createTestDatabase(kind);
      await ensureReferenceData(database.db);
      await createDepartment(database.db, { code: 'DSIN', name: "Direction des systèmes d'information et du numérique" });
      await createDepartment(database.db, { code: 'DASCO', name: 'Direction des affaires scolaires' });
    });
    after(async () => database?.close());

    const stored = (badge: string) =>
      database.db
        .selectFrom('agents as a')
        .leftJoin('accounts as acc', 'acc.agent_id', 'a.id')
        .select(['a.id', 'a.first_name', 'a.last_name', 'a.email', 'a.job_title', 'acc.password_hash', 'acc.password_temporary'])
        .where('a.badge_number', '=', badge)
        .executeTakeFirst();

    test('creates the first administrator with a temporary password shown once, and stores only its hash', async () => {
      const account = await createAccount(database.db, {
        badgeNumber: '1234567',
        email: ' Claire.Fontaine@Paris.example ',
        firstName: '  Cle\u0301mence ', // "é" typed as e + combining accent
        lastName: 'Fontaine',
        departmentCode: 'dsin',
        role: 'administrator',
      });
      assert.equal(account.email, 'claire.fontaine@paris.example');
      assert.equal(account.firstName, 'Clémence');
      assert.equal(account.firstName, account.firstName.normalize('NFC'));
      assert.equal(account.departmentCode, 'DSIN');
      assert.equal(account.jobProfileCode, 'agent-administratif');
      assert.match(account.temporaryPassword, /^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);

      const row = await stored('1234567');
      assert.equal(row?.first_name, 'Clémence');
      assert.equal(row?.password_temporary, true);
      assert.notEqual(row?.password_hash, account.temporaryPassword);
      assert.equal(await verifyPassword(row?.password_hash ?? '', account.temporaryPassword), true);
      const roles = await database.db.selectFrom('role_assignments').selectAll().where('agent_id', '=', row?.id ?? '').execute();
      assert.deepEqual(roles.map((r) => [r.role, r.department_id, r.service_id, r.unit_id]), [['administrator', null, null, null]]);
    });

    test('scopes a department role to the agent’s department and links the manager', async () => {
      const account = await createAccount(database.db, {
        badgeNumber: '2345678',
        email: 'julien.roux@paris.example',
        firstName: 'Julien',
        lastName: 'Roux',
        departmentCode: 'DSIN',
        role: 'it_support',
        jobProfileCode: 'charge-support',
        managerBadgeNumber: '1234567',
      });
      assert.equal(account.role, 'it_support');
      const row = await database.db
        .selectFrom('agents as a')
        .innerJoin('agents as m', 'm.id', 'a.manager_id')
        .innerJoin('role_assignments as r', 'r.agent_id', 'a.id')
        .innerJoin('departments as d', 'd.id', 'r.department_id')
        .select(['m.badge_number as manager', 'd.code as scope', 'a.job_title'])
        .where('a.badge_number', '=', '2345678')
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { manager: '1234567', scope: 'DSIN', job_title: 'Chargé de support' });
    });

    test('refuses a badge number that is already taken', async () => {
      await assert.rejects(
        createAccount(database.db, { badgeNumber: '1234567', email: 'autre@paris.example', firstName: 'A', lastName: 'B', departmentCode: 'DSIN' }),
        rejectsWith('conflict', (e) => assert.match(e.message, /matricule 1234567 est déjà attribué/)),
      );
    });

    test('lets only one of two simultaneous creations of the same badge number succeed', async () => {
      const attempt = (email: string) =>
        createAccount(database.db, { badgeNumber: '6789012', email, firstName: 'Double', lastName: 'Saisie', departmentCode: 'DASCO' });
      const results = await Promise.allSettled([attempt('double.1@paris.example'), attempt('double.2@paris.example')]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const failure = results.find((r) => r.status === 'rejected');
      rejectsWith('conflict')(failure?.reason);
      await database.db.deleteFrom('agents').where('badge_number', '=', '6789012').execute();
    });

    test('refuses an e-mail already used, whatever its case', async () => {
      await assert.rejects(
        createAccount(database.db, { badgeNumber: '3456789', email: 'JULIEN.ROUX@paris.example', firstName: 'J', lastName: 'R', departmentCode: 'DSIN' }),
        rejectsWith('conflict', (e) => assert.match(e.message, /julien\.roux@paris\.example est déjà utilisée/)),
      );
    });

    test('explains that the department does not exist', async () => {
      await assert.rejects(
        createAccount(database.db, { badgeNumber: '3456789', email: 'x@paris.example', firstName: 'X', lastName: 'Y', departmentCode: 'DXYZ' }),
        rejectsWith('validation_failed', (e) =>
          assert.deepEqual(e.errors, [{ field: 'departmentCode', message: "la direction DXYZ n'existe pas (créez-la d'abord)" }]),
        ),
      );
    });

    test('names every malformed field: badge number, e-mail, role, unknown manager', async () => {
      await assert.rejects(
        createAccount(database.db, {
          badgeNumber: '12345',
          email: 'pas-une-adresse',
          firstName: ' ',
          lastName: 'Y',
          departmentCode: 'DSIN',
          role: 'boss' as never,
        }),
        rejectsWith('validation_failed', (e) =>
          assert.deepEqual(e.errors?.map((x) => x.field), ['badgeNumber', 'email', 'firstName', 'role']),
        ),
      );
      await assert.rejects(
        createAccount(database.db, { badgeNumber: '3456789', email: 'x@paris.example', firstName: 'X', lastName: 'Y', departmentCode: 'DSIN', managerBadgeNumber: '9999999' }),
        rejectsWith('validation_failed', (e) => assert.equal(e.errors?.[0]?.field, 'managerBadgeNumber')),
      );
    });

    test('writes nothing when a later step of the creation fails', async () => {
      // A real database refusal after the agent row is written: the role insert breaks a constraint.
      await sql`alter table role_assignments add constraint test_no_security_officer check (role <> 'security_officer')`.execute(database.db);
      try {
        await assert.rejects(
          createAccount(database.db, { badgeNumber: '4567890', email: 'rssi@paris.example', firstName: 'R', lastName: 'S', departmentCode: 'DSIN', role: 'security_officer' }),
        );
      } finally {
        await sql`alter table role_assignments drop constraint test_no_security_officer`.execute(database.db);
      }
      assert.equal(await stored('4567890'), undefined);
      const orphans = await database.db.selectFrom('accounts').leftJoin('agents', 'agents.id', 'accounts.agent_id').select('agent_id').where('agents.id', 'is', null).execute();
      assert.deepEqual(orphans, []);
    });

    test('lists the accounts of one department with their roles, and refuses an unknown department', async () => {
      await createAccount(database.db, { badgeNumber: '5678901', email: 'lea.moreau@paris.example', firstName: 'Léa', lastName: 'Moreau', departmentCode: 'DASCO', jobProfileCode: 'asem' });
      const dsin = await listAccounts(database.db, { department: 'dsin' });
      assert.deepEqual(dsin.map((a) => [a.lastName, a.roles]), [['Fontaine', ['administrator']], ['Roux', ['it_support']]]);
      const all = await listAccounts(database.db);
      assert.equal(all.length, 3);
      assert.deepEqual(all[0], {
        badgeNumber: '5678901',
        email: 'lea.moreau@paris.example',
        firstName: 'Léa',
        lastName: 'Moreau',
        departmentCode: 'DASCO',
        jobProfileCode: 'asem',
        jobTitle: 'Agent spécialisé des écoles maternelles (ASEM)',
        status: 'active',
        passwordTemporary: true,
        roles: [],
      });
      await assert.rejects(listAccounts(database.db, { department: 'DXYZ' }), rejectsWith('not_found'));
    });

    test('issues a new temporary password that replaces the old one and lifts a lockout', async () => {
      await database.db.updateTable('accounts').set({ password_temporary: false, failed_attempts: 5, locked_until: new Date(Date.now() + 3_600_000) }).execute();
      const before = await stored('2345678');
      const issued = await issueTemporaryPassword(database.db, '2345678');
      assert.equal(issued.email, 'julien.roux@paris.example');
      const after = await stored('2345678');
      assert.equal(after?.password_temporary, true);
      const lock = await database.db.selectFrom('accounts as acc').innerJoin('agents as a', 'a.id', 'acc.agent_id').select(['failed_attempts', 'locked_until']).where('a.badge_number', '=', '2345678').executeTakeFirstOrThrow();
      assert.deepEqual(lock, { failed_attempts: 0, locked_until: null });
      assert.equal(await verifyPassword(after?.password_hash ?? '', issued.temporaryPassword), true);
      assert.notEqual(after?.password_hash, before?.password_hash);
    });

    test('refuses a temporary password for an unknown badge number or a departed agent', async () => {
      await assert.rejects(issueTemporaryPassword(database.db, '7777777'), rejectsWith('not_found'));
      await assert.rejects(issueTemporaryPassword(database.db, 'abc'), rejectsWith('validation_failed'));
      await database.db.updateTable('agents').set({ status: 'departed' }).where('badge_number', '=', '5678901').execute();
      await assert.rejects(issueTemporaryPassword(database.db, '5678901'), rejectsWith('unprocessable'));
    });

    const keys = createKeys('enrolment-test-secret-key-0123456789abcdef');
    const enrolmentRow = (badge: string) =>
      database.db
        .selectFrom('accounts as acc')
        .innerJoin('agents as a', 'a.id', 'acc.agent_id')
        .select(['acc.enrolment_code_hash', 'acc.enrolment_code_expires_at'])
        .where('a.badge_number', '=', badge)
        .executeTakeFirstOrThrow();

    test('issues an enrolment code XXXX-XXXX without look-alike characters, valid 72 hours, stored only as its MAC', async () => {
      const clock = manualClock('2026-11-23T09:00:00Z');
      const issued = await issueEnrolmentCode(database.db, keys, clock, ' 2345678 ');
      assert.equal(issued.badgeNumber, '2345678');
      assert.equal(issued.email, 'julien.roux@paris.example');
      assert.match(issued.enrolmentCode, /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/);
      assert.equal(issued.expiresAt, '2026-11-26T09:00:00.000Z');
      assert.equal(ENROLMENT_CODE_VALIDITY_MS, 72 * 3_600_000);

      const row = await enrolmentRow('2345678');
      assert.equal(row.enrolment_code_expires_at?.toISOString(), '2026-11-26T09:00:00.000Z');
      assert.equal(row.enrolment_code_hash, keys.mac('enrolment-code', issued.enrolmentCode.replace('-', '')));
      assert.ok(!row.enrolment_code_hash?.includes(issued.enrolmentCode.replace('-', '')), 'the code itself is not stored');
      // As the agent may type it: lower case, spaces instead of the dash.
      const typed = ` ${issued.enrolmentCode.toLowerCase().replace('-', ' ')} `;
      assert.equal(enrolmentCodeMac(keys, typed), row.enrolment_code_hash);
      assert.notEqual(createKeys('another-secret-key-0123456789abcdefgh').mac('enrolment-code', issued.enrolmentCode.replace('-', '')), row.enrolment_code_hash);
    });

    test('replaces the previous enrolment code with a new one', async () => {
      const clock = manualClock('2026-11-24T10:00:00Z');
      const first = await enrolmentRow('2345678');
      const codes = new Set<string>();
      for (let i = 0; i < 20; i++) codes.add((await issueEnrolmentCode(database.db, keys, clock, '2345678')).enrolmentCode);
      assert.equal(codes.size, 20, 'codes are drawn at random');
      const last = [...codes].at(-1) ?? '';
      const row = await enrolmentRow('2345678');
      assert.notEqual(row.enrolment_code_hash, first.enrolment_code_hash);
      assert.equal(row.enrolment_code_hash, enrolmentCodeMac(keys, last));
      assert.equal(row.enrolment_code_expires_at?.toISOString(), '2026-11-27T10:00:00.000Z');
    });

    test('refuses an enrolment code to a departed or suspended agent, and to an unknown badge number', async () => {
      const clock = manualClock();
      await assert.rejects(issueEnrolmentCode(database.db, keys, clock, '5678901'), rejectsWith('unprocessable', (e) => assert.match(e.message, /quitté/)));
      await database.db.updateTable('agents').set({ status: 'suspended' }).where('badge_number', '=', '1234567').execute();
      try {
        await assert.rejects(issueEnrolmentCode(database.db, keys, clock, '1234567'), rejectsWith('unprocessable', (e) => assert.match(e.message, /suspendu/)));
      } finally {
        await database.db.updateTable('agents').set({ status: 'active' }).where('badge_number', '=', '1234567').execute();
      }
      assert.equal((await enrolmentRow('5678901')).enrolment_code_hash, null);
      assert.equal((await enrolmentRow('1234567')).enrolment_code_hash, null);
      await assert.rejects(issueEnrolmentCode(database.db, keys, clock, '7777777'), rejectsWith('not_found'));
      await assert.rejects(issueEnrolmentCode(database.db, keys, clock, '12-34'), rejectsWith('validation_failed'));
    });
  });
}
