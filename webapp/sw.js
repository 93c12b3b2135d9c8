// Vault Sync service worker: keeps the app shell so the app starts offline, and installs a new version beside the
// running one until the page says "reload" (the player is told an update is ready; nothing swaps under their feet).
// The server replaces SHELL_VERSION with a hash of the web app's files, so any change to them is a new worker.
const VERSION = 'SHELL_VERSION';
const CACHE = 'vault-sync-shell-' + VERSION;
const SHELL = ['index.html', 'js/app.js', 'js/start.js', 'css/app.css', 'css/vault.css', 'css/sync.css',
  'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/maskable-192.png',
  'icons/maskable-512.png'];

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the shell stored is the one this version was built with
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((path) => new Request(path, {cache: 'reload'})))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('vault-sync-shell-') && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    self.skipWaiting();
  }
});

// Shell files come from the cache (the version they were installed with); everything else (the client
// configuration, the signaling socket, other pages) goes to the network as if there were no worker.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return;
  }
  let path = url.pathname.substring(scope.pathname.length);
  if (path === '' && request.mode === 'navigate') {
    path = 'index.html';
  }
  if (!SHELL.includes(path)) {
    return;
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(path))
    .then((hit) => hit || fetch(request)));
});
