// Unit tests of services/auth.js: the credential kept in (a Map standing in for) sessionStorage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeServerError } from '../src/js/core/serverErrors.js';

const store = new Map();
globalThis.sessionStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
const auth = await import('../src/js/services/auth.js');

test('no credential, no Authorization header', () => {
  auth.signOut();
  assert.deepEqual(auth.authHeader(), {});
});

test('a kept credential is sent as Bearer under citytwin.auth', () => {
  auth.useCredential('  ct_abc123  ');
  assert.equal(store.get('citytwin.auth'), 'ct_abc123');
  assert.deepEqual(auth.authHeader(), { Authorization: 'Bearer ct_abc123' });
  auth.signOut();
  assert.equal(store.has('citytwin.auth'), false);
});

test('a 401 drops the refused credential and tells the listeners', () => {
  let told = 0;
  auth.onUnauthorized(() => told++);
  auth.useCredential('expired.jwt');
  auth.reportUnauthorized();
  assert.equal(told, 1);
  assert.deepEqual(auth.authHeader(), {});
});

test('a 401 from the planning API reads as "sign in to plan"', () => {
  assert.equal(describeServerError({ status: 401, code: 'unauthorized', description: 'x' }).key, 'auth.required');
});
