import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emailAllocator, emailLocalPart } from './email-address.ts';

describe('professional e-mail addresses', () => {
  test('are first.last in lower case, without accents, apostrophes or spaces', () => {
    assert.equal(emailLocalPart('Léa', 'Moreau'), 'lea.moreau');
    assert.equal(emailLocalPart('Jean-Pierre', 'Le Goff'), 'jean-pierre.legoff');
    assert.equal(emailLocalPart('Hervé', "D'Almeida"), 'herve.dalmeida');
    assert.equal(emailLocalPart('Zoé', 'Öztürk'), 'zoe.ozturk');
    assert.equal(emailLocalPart('Cœur', 'Lætitia'), 'coeur.laetitia');
  });

  test('give the second namesake a digit', () => {
    const emails = emailAllocator('paris.example');
    assert.equal(emails.allocate('Jean', 'Martin'), 'jean.martin@paris.example');
    assert.equal(emails.allocate('Jean', 'Martin'), 'jean.martin2@paris.example');
    assert.equal(emails.allocate('Jéan', 'Martin'), 'jean.martin3@paris.example');
  });

  test('never hand out a reserved address', () => {
    const emails = emailAllocator('paris.example');
    emails.reserve('lea.moreau@paris.example');
    assert.equal(emails.allocate('Léa', 'Moreau'), 'lea.moreau2@paris.example');
  });
});
