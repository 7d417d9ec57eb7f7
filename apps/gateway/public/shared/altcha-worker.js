/*
 * ALTCHA v2 proof of work in a Web Worker (the same protocol as altcha-lib's solver): the password is
 * the nonce followed by a big-endian uint32 counter; find the counter whose derived key starts with
 * `keyPrefix`. Each worker tries counters start, start+step, … so several cores share the search.
 */
'use strict';

const fromHex = (hex) => new Uint8Array(hex.match(/../g).map((b) => parseInt(b, 16)));
const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function derive(parameters, salt, password) {
  const keyLength = parameters.keyLength || 32;
  if (parameters.algorithm === 'PBKDF2/SHA-256') {
    const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: parameters.cost }, key, keyLength * 8);
    return new Uint8Array(bits);
  }
  if (parameters.algorithm === 'SHA-256') {
    let data = new Uint8Array(salt.length + password.length);
    data.set(salt);
    data.set(password, salt.length);
    for (let i = 0; i < Math.max(1, parameters.cost); i++) data = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    return data.slice(0, keyLength);
  }
  throw new Error('unsupported algorithm ' + parameters.algorithm);
}

let aborted = false;

async function solve({ challenge, start, step, timeoutMs }) {
  const parameters = challenge.parameters;
  const nonce = fromHex(parameters.nonce);
  const salt = fromHex(parameters.salt);
  const prefix = parameters.keyPrefix.toLowerCase();
  const password = new Uint8Array(nonce.length + 4);
  password.set(nonce);
  const view = new DataView(password.buffer);
  const began = Date.now();
  for (let counter = start; counter <= 0xffffffff; counter += step) {
    if (aborted || Date.now() - began > timeoutMs) return null;
    view.setUint32(nonce.length, counter, false);
    const derivedKey = toHex(await derive(parameters, salt, password));
    if (derivedKey.startsWith(prefix)) return { counter, derivedKey };
  }
  return null;
}

self.onmessage = (event) => {
  if (event.data.type === 'abort') {
    aborted = true;
    return;
  }
  solve(event.data).then(
    (solution) => self.postMessage({ solution }),
    (error) => self.postMessage({ error: String(error && error.message ? error.message : error) }),
  );
};
