import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKeys, hashToken, randomToken } from './keys.ts';

test('encrypts secrets at rest so that only the same key and purpose can read them back', () => {
  const keys = createKeys('a'.repeat(48));
  const sealed = keys.encrypt('totp-secret', 'JBSWY3DPEHPK3PXP');
  assert.notEqual(sealed, keys.encrypt('totp-secret', 'JBSWY3DPEHPK3PXP'), 'a fresh IV each time');
  assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
  assert.equal(keys.decrypt('totp-secret', sealed), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => createKeys('b'.repeat(48)).decrypt('totp-secret', sealed));
  assert.throws(() => keys.decrypt('csrf', sealed));
  const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
  assert.throws(() => keys.decrypt('totp-secret', tampered));
});

test('signs values and rejects forged signatures', () => {
  const keys = createKeys('a'.repeat(48));
  const mac = keys.mac('csrf', 'cookie-value');
  assert.equal(keys.verifyMac('csrf', 'cookie-value', mac), true);
  assert.equal(keys.verifyMac('csrf', 'other-value', mac), false);
  assert.equal(keys.verifyMac('device', 'cookie-value', mac), false);
  assert.equal(keys.verifyMac('csrf', 'cookie-value', 'short'), false);
});

test('draws 256-bit tokens and stores only a hash of them', () => {
  const token = randomToken();
  assert.equal(Buffer.from(token, 'base64url').length, 32);
  assert.notEqual(randomToken(), token);
  assert.equal(hashToken(token), hashToken(token));
  assert.notEqual(hashToken(token), token);
});
