// The service worker (public/sw.js) keeps only the public application shell: never an API answer (personal data),
// never another origin (Keycloak: tokens), never anything but GET.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import vm from 'node:vm';

const source = await readFile(new URL('../public/sw.js', import.meta.url), 'utf8');

function loadWorker() {
  const listeners = {};
  const self = {
    location: { origin: 'https://custodia.example' },
    addEventListener: (type, listener) => (listeners[type] = listener),
  };
  vm.runInNewContext(source, { self, URL, caches: {}, fetch: () => Promise.reject(new Error('no network')) });
  /** Whether the worker answers this request itself (respondWith) rather than leaving it to the network. */
  return (url, { method = 'GET', mode = 'cors' } = {}) => {
    let handled = false;
    listeners.fetch({
      request: { url, method, mode },
      respondWith: (answer) => {
        handled = true;
        Promise.resolve(answer).catch(() => undefined);
      },
    });
    return handled;
  };
}

test('answers the shell: pages, built assets, translations, runtime config', () => {
  const handles = loadWorker();
  assert.equal(handles('https://custodia.example/assessments/1', { mode: 'navigate' }), true);
  assert.equal(handles('https://custodia.example/assets/index-abc.js'), true);
  assert.equal(handles('https://custodia.example/locales/ar/common.json'), true);
  assert.equal(handles('https://custodia.example/config.json'), true);
});

test('never touches the API, another origin or a non-GET request', () => {
  const handles = loadWorker();
  assert.equal(handles('https://custodia.example/api/assessments/1'), false);
  assert.equal(handles('https://custodia.example/api/assessments/1', { mode: 'navigate' }), false);
  assert.equal(handles('https://custodia.example/v3/api-docs'), false);
  assert.equal(handles('https://keycloak.example/realms/kz/protocol/openid-connect/token', { method: 'POST' }), false);
  assert.equal(handles('https://keycloak.example/realms/kz/protocol/openid-connect/auth', { mode: 'navigate' }), false);
  assert.equal(handles('https://custodia.example/assets/index-abc.js', { method: 'POST' }), false);
  assert.equal(handles('https://custodia.example/some-other-file.txt'), false);
});
