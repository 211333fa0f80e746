import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AgentFormValues, createBody, emptyAgentValues, missingOrMalformed, parisToday, updateBody } from './agent-form-values.ts';

const filled: AgentFormValues = {
  ...emptyAgentValues('DASCO', '2026-11-23'),
  firstName: 'Amélie',
  lastName: 'Lefèvre',
  badgeNumber: '7700001',
  email: 'amelie.lefevre@paris.example',
  jobProfileCode: 'asem',
  jobTitle: 'ASEM',
  serviceCode: 'ECOLES',
  professionalPhone: '01 42 76 40 40',
};

test('creating an agent leaves out the optional fields left empty', () => {
  const body = createBody({ ...filled, serviceCode: '', professionalPhone: ' ' }, '');
  assert.equal(body.serviceCode, undefined);
  assert.equal(body.professionalPhone, undefined);
  assert.equal(body.reason, undefined);
  assert.equal(body.badgeNumber, '7700001');
});

test('saving a record sends only what changed, and an emptied optional field as null', () => {
  assert.equal(updateBody(filled, { ...filled }, '', false), undefined);
  assert.deepEqual(updateBody(filled, { ...filled, jobTitle: ' ASEM référente ', serviceCode: '' }, 'Nouvelle affectation', false), {
    jobTitle: 'ASEM référente',
    serviceCode: null,
    reason: 'Nouvelle affectation',
  });
});

test('the start date moves only while the agent has not arrived', () => {
  assert.equal(updateBody(filled, { ...filled, startDate: '2026-12-01' }, '', false), undefined);
  assert.deepEqual(updateBody(filled, { ...filled, startDate: '2026-12-01' }, '', true), { startDate: '2026-12-01' });
});

test('the browser says which required field is missing and which value is malformed', () => {
  assert.deepEqual(missingOrMalformed({ ...filled, lastName: ' ', badgeNumber: '123', email: 'amelie' }, 'create'), {
    lastName: 'required',
    badgeNumber: 'badge',
    email: 'email',
  });
  assert.deepEqual(missingOrMalformed(filled, 'edit'), {});
});

test('“today” is the day in Paris, where a day starts an hour or two before UTC', () => {
  assert.equal(parisToday(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
  assert.equal(parisToday(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
});
