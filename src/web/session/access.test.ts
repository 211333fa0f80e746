import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MeResponse } from '../../server/modules/identity/sign-in.schema.ts';
import { safeReturnPath, withReturn } from '../router/paths.ts';
import type { SessionState } from './SessionProvider.tsx';
import { redirectFor } from './access.ts';

function signedIn(stage: MeResponse['session']['stage']): SessionState {
  return { status: 'signed-in', me: { session: { stage } } as MeResponse };
}
const signedOut: SessionState = { status: 'signed-out' };

describe('where a visitor is sent instead of a page that is not for them', () => {
  test('a visitor who is not signed in goes to the sign-in page, which remembers the page asked for', () => {
    assert.deepEqual(redirectFor('signed-in', signedOut, '/compte/historique', 'result=failure'), {
      to: '/connexion?retour=%2Fcompte%2Fhistorique%3Fresult%3Dfailure',
      notice: 'signInRequired',
    });
  });

  test('an agent half-way through signing in goes to their next step, whatever page they open', () => {
    assert.deepEqual(redirectFor('signed-in', signedIn('second_factor'), '/compte', ''), { to: '/connexion/verification?retour=%2Fcompte' });
    assert.deepEqual(redirectFor('signed-out', signedIn('change_password'), '/connexion', 'retour=%2Fcompte'), {
      to: '/connexion/nouveau-mot-de-passe?retour=%2Fcompte',
    });
    assert.deepEqual(redirectFor({ step: 'second_factor' }, signedIn('enrol_second_factor'), '/connexion/verification', ''), {
      to: '/connexion/double-authentification',
    });
  });

  test('once signed in, the sign-in pages lead to the page asked for, or home', () => {
    assert.deepEqual(redirectFor('signed-out', signedIn('done'), '/connexion', 'retour=%2Fcompte%2Fsessions'), { to: '/compte/sessions' });
    assert.deepEqual(redirectFor({ step: 'enrol_second_factor' }, signedIn('done'), '/connexion/double-authentification', ''), { to: '/' });
  });

  test('leaves visitors where they are when the page is for them, or public, or the session is still loading', () => {
    assert.equal(redirectFor('signed-in', signedIn('done'), '/compte', ''), undefined);
    assert.equal(redirectFor({ step: 'second_factor' }, signedIn('second_factor'), '/connexion/verification', ''), undefined);
    assert.equal(redirectFor('public', signedOut, '/accessibilite', ''), undefined);
    assert.equal(redirectFor('signed-in', { status: 'loading' }, '/compte', ''), undefined);
  });

  test('a step page with no session sends to the sign-in page', () => {
    assert.deepEqual(redirectFor({ step: 'change_password' }, signedOut, '/connexion/nouveau-mot-de-passe', ''), { to: '/connexion' });
  });
});

describe('the address to come back to after signing in', () => {
  test('is a path of the portal, never another site', () => {
    assert.equal(safeReturnPath('/compte/sessions?x=1'), '/compte/sessions?x=1');
    for (const unsafe of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'compte', '', null, undefined]) {
      assert.equal(safeReturnPath(unsafe), undefined, String(unsafe));
    }
  });

  test('is never a sign-in page, which would loop', () => {
    assert.equal(safeReturnPath('/connexion'), undefined);
    assert.equal(safeReturnPath('/connexion/verification'), undefined);
    assert.equal(safeReturnPath('/connexions-ouvertes'), '/connexions-ouvertes');
  });

  test('is left out of the address when it is the home page', () => {
    assert.equal(withReturn('/connexion', '/'), '/connexion');
    assert.equal(withReturn('/connexion', undefined), '/connexion');
  });
});
