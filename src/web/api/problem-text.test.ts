import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../i18n/en.ts';
import { fr } from '../i18n/fr.ts';
import { ApiError } from './api-client.ts';
import { problemText } from './problem-text.ts';

const refusedPassword = new ApiError(422, {
  type: '/api/problems/unprocessable',
  title: 'La demande ne respecte pas les règles',
  status: 422,
  code: 'unprocessable',
  detail: 'Le nouveau mot de passe ne respecte pas les règles.',
  errors: [
    { rule: 'common_password', message: 'Ce mot de passe est trop courant ou trop prévisible.' },
    { rule: 'reused', message: 'Ce mot de passe fait partie de vos 12 derniers mots de passe.' },
  ],
});

test('in French, shows the server’s own explanation and each reason it gives', () => {
  assert.deepEqual(problemText(refusedPassword, 'fr', fr), {
    summary: 'Le nouveau mot de passe ne respecte pas les règles.',
    details: ['Ce mot de passe est trop courant ou trop prévisible.', 'Ce mot de passe fait partie de vos 12 derniers mots de passe.'],
  });
});

test('in English, says the same from its own dictionary, by code and by rule', () => {
  assert.deepEqual(problemText(refusedPassword, 'en', en), {
    summary: en.errors.byCode.unprocessable,
    details: [en.passwordRules.rules.common_password, en.passwordRules.rules.reused],
  });
});

test('gives the wait of a 429 in minutes, from Retry-After', () => {
  const limited = new ApiError(429, { type: '', title: '', status: 429, code: 'rate_limited', detail: 'réessayez dans 900 s.' }, 900);
  assert.equal(problemText(limited, 'fr', fr).summary, 'Trop de tentatives. Réessayez dans 15 minutes.');
  assert.equal(problemText(limited, 'en', en).summary, 'Too many attempts. Try again in 15 minutes.');
});

test('says the portal does not answer when there was no answer at all', () => {
  assert.equal(problemText(new ApiError(0, undefined), 'fr', fr).summary, fr.errors.network);
});
