import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brokenRules, checkPasswordRules } from './password-policy.ts';

const owner = { firstName: 'Camille', lastName: 'Lefèvre', badgeNumber: '1234567', email: 'camille.lefevre@paris.example' };
const broken = (password: string) => brokenRules(checkPasswordRules(password, owner)).map((r) => r.rule);

describe('password rules (CNIL 2022-100)', () => {
  test('accepts 12 characters of four kinds, 14 of three kinds, or a passphrase of seven words', () => {
    assert.deepEqual(broken('Vq7#pL2!xR9z'), []);
    assert.deepEqual(broken('Kw8rTq3mZx5vLp'), []);
    assert.deepEqual(broken('cheval bleu tambour orage lundi caramel fenêtre'), []);
  });

  test('refuses a short password and says why, rule by rule', () => {
    const rules = broken('Ab1!');
    assert.ok(rules.includes('composition'));
    assert.ok(rules.includes('strength'));
  });

  test('refuses 13 characters without symbols', () => {
    assert.ok(broken('Kw8rTq3mZx5vL').includes('composition'));
  });

  test('refuses passwords that contain the agent’s names, badge number or e-mail, accents ignored', () => {
    assert.ok(broken('Lefevre#2026-Paris').includes('personal_information'));
    assert.ok(broken('X!1234567abcDEF').includes('personal_information'));
    assert.ok(broken('Camille!Ete2026xx').includes('personal_information'));
  });

  test('refuses common and dictionary-based passwords even when long enough', () => {
    assert.ok(broken('Motdepasse123!').includes('common_password'));
    assert.ok(broken('Azertyuiop1234!').includes('common_password'));
    assert.ok(broken('Password1234!').includes('common_password'));
  });

  test('refuses more than 256 characters before any other work', () => {
    assert.ok(broken(`Aa1!${'x'.repeat(260)}`).includes('too_long'));
  });

  test('explains every broken rule in French', () => {
    const messages = brokenRules(checkPasswordRules('abc', owner));
    assert.ok(messages.length >= 2);
    for (const m of messages) assert.match(m.message, /[a-zé]/);
  });
});
