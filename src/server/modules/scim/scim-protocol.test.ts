import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../http/errors.ts';
import { matches, parseFilter } from './scim-filter.ts';
import { applyPatch, parsePath, readPatchRequest } from './scim-patch.ts';
import { ENTERPRISE_USER, PATCH_OP } from './scim-protocol.ts';
import { readScimUser } from './scim-user.input.ts';
import { userCondition } from './scim-user-filter.ts';

const scimTypeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return { rule: error.errors?.[0]?.rule, fields: error.errors?.map((e) => e.field), messages: error.errors?.map((e) => e.message).join(' ; ') };
  }
  assert.fail('expected an error');
};

describe('SCIM filters', () => {
  test('reads the filters connectors send, whatever the case of operators and attribute names', () => {
    assert.deepEqual(parseFilter('userName eq "1234567"'), { kind: 'compare', attribute: 'userName', operator: 'eq', value: '1234567' });
    assert.deepEqual(userCondition(parseFilter('USERNAME EQ "1234567" And emails.value eq "a@b.fr"')), {
      kind: 'and',
      items: [
        { kind: 'eq', column: 'userName', value: '1234567' },
        { kind: 'eq', column: 'email', value: 'a@b.fr' },
      ],
    });
    assert.deepEqual(userCondition(parseFilter(`${ENTERPRISE_USER}:department eq "DASCO"`)), { kind: 'eq', column: 'department', value: 'DASCO' });
    assert.deepEqual(userCondition(parseFilter('emails[type eq "work" and value eq "a@b.fr"]')), {
      kind: 'and',
      items: [
        { kind: 'constant', value: true },
        { kind: 'eq', column: 'email', value: 'a@b.fr' },
      ],
    });
    assert.deepEqual(userCondition(parseFilter('id eq "not-a-uuid"')), { kind: 'constant', value: false });
    assert.deepEqual(parseFilter('userName eq "a \\"quoted\\" name"'), { kind: 'compare', attribute: 'userName', operator: 'eq', value: 'a "quoted" name' });
  });

  test('refuses what it cannot answer with 400 invalidFilter saying what', () => {
    for (const [filter, said] of [
      ['userName co "12"', /opérateur « co »/],
      ['nickName eq "x"', /nickName/],
      ['userName eq', /valeur attendue/],
      ['userName eq "1234567" junk', /junk/],
      ['userName eq "unterminated', /guillemet/],
      ['(userName eq "1"', /« \) » attendu/],
      ['userName zz "1"', /opérateur inconnu/],
      ['userName pr', /pr/],
    ] as const) {
      const { rule, messages } = scimTypeOf(() => userCondition(parseFilter(filter)));
      assert.equal(rule, 'invalidFilter', filter);
      assert.match(messages ?? '', said, filter);
    }
  });

  test('evaluates a filter on JSON entries without case', () => {
    const filter = parseFilter('type eq "WORK" and primary eq true');
    assert.equal(matches(filter, { type: 'work', primary: true }), true);
    assert.equal(matches(filter, { Type: 'work', primary: 'True' }), true);
    assert.equal(matches(filter, { type: 'home', primary: true }), false);
  });
});

describe('SCIM PATCH', () => {
  const user = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER],
    id: '2819c223-7f76-453a-919d-413861904646',
    userName: '1234567',
    name: { givenName: 'Léa', familyName: 'Moreau' },
    active: true,
    emails: [{ value: 'lea.moreau@paris.example', type: 'work', primary: true }],
    [ENTERPRISE_USER]: { department: 'DASCO' },
  };
  const patch = (...Operations: unknown[]) => applyPatch(user, readPatchRequest({ schemas: [PATCH_OP], Operations }));

  test('takes Azure AD’s capitalised ops, string booleans and path-less values keyed by paths', () => {
    const disabled = patch({ op: 'Replace', path: 'active', value: 'False' });
    assert.equal(readScimUser(disabled, 'replace').active, false);
    const renamed = patch({ op: 'Add', value: { 'name.givenName': 'Lea', [`${ENTERPRISE_USER}:department`]: 'DFPE', title: 'Gestionnaire' } });
    assert.deepEqual(renamed.name, { givenName: 'Lea', familyName: 'Moreau' }, 'the other sub-attributes stay');
    assert.equal((renamed[ENTERPRISE_USER] as { department: string }).department, 'DFPE');
    assert.equal(renamed.title, 'Gestionnaire');
    const okta = patch({ op: 'replace', value: { active: false } });
    assert.equal(okta.active, false);
  });

  test('replaces, adds and removes through filtered paths, creating the work entry when missing', () => {
    const email = patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'lea.m@paris.example' });
    assert.deepEqual(email.emails, [{ value: 'lea.m@paris.example', type: 'work', primary: true }]);
    const phone = patch({ op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '01 42 76 40 40' });
    assert.deepEqual(phone.phoneNumbers, [{ type: 'work', value: '01 42 76 40 40' }]);
    const manager = patch({ op: 'replace', path: `${ENTERPRISE_USER}:manager`, value: '2819c223-7f76-453a-919d-413861904647' });
    assert.equal(readScimUser(manager, 'replace').enterprise?.managerId, '2819c223-7f76-453a-919d-413861904647');
    const removed = applyPatch(manager, readPatchRequest({ schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `${ENTERPRISE_USER}:manager` }] }));
    assert.equal(readScimUser(removed, 'replace').enterprise?.managerId, null);
    const noEmail = patch({ op: 'remove', path: 'emails[type eq "work"]' });
    assert.deepEqual(noEmail.emails, []);
  });

  test('refuses malformed operations and read-only targets with the SCIM error type', () => {
    assert.equal(scimTypeOf(() => patch({ op: 'move', path: 'active', value: true })).rule, 'invalidSyntax');
    assert.equal(scimTypeOf(() => patch({ op: 'remove' })).rule, 'noTarget');
    assert.equal(scimTypeOf(() => patch({ op: 'replace', path: 'id', value: 'x' })).rule, 'mutability');
    assert.equal(scimTypeOf(() => parsePath('urn:example:unknown:attr')).rule, 'invalidPath');
    assert.equal(scimTypeOf(() => readPatchRequest({ Operations: [] })).rule, 'invalidSyntax');
  });
});

describe('SCIM User payloads', () => {
  const base = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER],
    userName: '1234567',
    name: { givenName: 'Léa', familyName: 'Moreau' },
    emails: [{ value: 'Lea.Moreau@Paris.example', type: 'work', primary: true }],
    [ENTERPRISE_USER]: { department: 'DASCO', employeeNumber: '1234567' },
  };

  test('reads a user, and tolerates derived attributes and empty values of unsupported ones', () => {
    const input = readScimUser({ ...base, displayName: 'Léa Moreau', nickName: '', addresses: [], meta: { resourceType: 'User' } }, 'create');
    assert.equal(input.email, 'lea.moreau@paris.example');
    assert.equal(input.active, undefined);
    assert.deepEqual(input.enterprise, { department: 'DASCO', managerId: null });
  });

  test('names every attribute it cannot keep, each with the reason', () => {
    const { rule, fields, messages } = scimTypeOf(() =>
      readScimUser(
        {
          ...base,
          userName: '12-34',
          nickName: 'Lulu',
          favouriteColour: 'blue',
          password: 'Secret-123456',
          name: { givenName: 'Léa', familyName: 'Moreau', middleName: 'Anne' },
          phoneNumbers: [{ value: '06 12 34 56 78', type: 'mobile' }],
          [ENTERPRISE_USER]: { department: 'DASCO', costCenter: '42' },
        },
        'create',
      ),
    );
    assert.equal(rule, 'invalidValue');
    assert.deepEqual(fields?.sort(), [
      'favouriteColour',
      'nickName',
      'name.middleName',
      'password',
      'phoneNumbers[type eq "mobile"]',
      `${ENTERPRISE_USER}:costCenter`,
      'userName',
    ].sort());
    assert.match(messages ?? '', /non pris en charge/);
  });

  test('requires the department on creation and refuses control characters', () => {
    const { fields } = scimTypeOf(() => readScimUser({ ...base, [ENTERPRISE_USER]: undefined, title: 'Chef\u0000' }, 'create'));
    assert.deepEqual(fields, ['title', `${ENTERPRISE_USER}:department`]);
  });
});
