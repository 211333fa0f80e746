import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNetworkMatcher } from './network.ts';

test('recognises addresses of the city network in IPv4, IPv6 and IPv4-mapped form', () => {
  const inside = createNetworkMatcher(['10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
  assert.equal(inside('10.20.30.40'), true);
  assert.equal(inside('::ffff:10.20.30.40'), true);
  assert.equal(inside('192.168.1.10'), true);
  assert.equal(inside('192.168.1.11'), false);
  assert.equal(inside('fd12:3456::1'), true);
  assert.equal(inside('2001:db8::1'), false);
  assert.equal(inside('203.0.113.5'), false);
  assert.equal(inside(undefined), false);
  assert.equal(inside('not-an-ip'), false);
  assert.equal(createNetworkMatcher([])('10.0.0.1'), false);
});
