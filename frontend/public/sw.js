// Custodia's service worker: keeps the application shell (the public files of the build) so that a reload works
// without a connection. It never touches /api or /v3 (personal data, answers), nor another origin (Keycloak: tokens),
// nor anything but GET: those go to the network as if it were not here. Registered by src/shell/serviceWorker.ts in
// production builds only. The cache's name starts with "custodia-shell", which sign-out keeps (auth/userStorage.ts):
// it holds no user's data.
const SHELL = 'custodia-shell-v1';
const INDEX = '/';

/** Same-origin GETs of the shell: built assets (content-hashed), translations, runtime config, icons, the page. */
function isShell(url, request) {
  if (request.method !== 'GET' || url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/api/') || url.pathname === '/api' || url.pathname.startsWith('/v3/')) return false;
  return (
    request.mode === 'navigate' ||
    url.pathname.startsWith('/assets/') ||
    url.pathname.startsWith('/locales/') ||
    url.pathname === '/config.json' ||
    url.pathname === '/favicon.svg'
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([INDEX, '/config.json']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('custodia-shell') && n !== SHELL).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

// The page tells the worker which shell files it loaded before the worker took control, so they are kept too.
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'cache-shell' && Array.isArray(event.data.urls) ? event.data.urls : [];
  const shell = urls
    .map((u) => new URL(u, self.location.origin))
    .filter((u) => isShell(u, { method: 'GET', mode: 'no-cors' }));
  event.waitUntil(
    caches.open(SHELL).then((cache) => Promise.all(shell.map((u) => cache.add(u.href).catch(() => undefined)))),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (!isShell(url, request)) return;
  if (request.mode === 'navigate') {
    // Every route of the SPA is the same page: the newest one when online, the kept one offline.
    event.respondWith(networkFirst(request, INDEX));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, url.pathname));
  }
});
