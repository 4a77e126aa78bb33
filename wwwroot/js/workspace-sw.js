// The workspace's service worker. Its own pages network-first with the cache as fallback, the shell
// (CSS, scripts, icons) cache-first, nothing else touched. The cache is named by the person's key from
// the worker's own URL, and only responses the server marked with that same key are kept, so a phone
// never shows one person's pages to another.
'use strict';

var KEY = new URL(self.location.href).searchParams.get('k') || '';
var PREFIX = 'pk-workspace-';
var CACHE = PREFIX + KEY;
var OFFLINE_PAGE = '/toko-saya/tanpa-sinyal';
var KEY_HEADER = 'X-Workspace-Key';
// The maker's own pages the phone keeps: start page, new listing, listings and their editor, orders, the no-signal page.
var KEPT = [/^\/toko-saya$/, /^\/toko-saya\/produk\/baru$/, /^\/toko-saya\/produk\/\d+(\/ubah)?$/, /^\/toko-saya\/pesanan(\/\d+)?$/, /^\/toko-saya\/tanpa-sinyal$/];
var forgotten = false; // signing out: nothing more is kept, even by a fetch still on its way
var SHELL = [/^\/css\//, /^\/js\//, /^\/lib\//, /^\/icons\//, /^\/favicon\.svg$/];

function pagePath(url) {
  var path = url.pathname.replace(/\/+$/, '') || '/';
  return url.origin === self.location.origin && !url.search && KEPT.some(function (p) { return p.test(path); }) ? path : null;
}

function isShell(url) {
  return url.origin === self.location.origin && SHELL.some(function (p) { return p.test(url.pathname); });
}

// Only this person's own answers: a redirect (signed out), an error or another person's page is never kept.
function keepable(response) {
  return KEY !== '' && response && response.ok && response.type === 'basic' && !response.redirected
    && response.headers.get(KEY_HEADER) === KEY;
}

function putPage(path, response) {
  if (forgotten) return Promise.resolve();
  return caches.open(CACHE).then(function (cache) { return cache.put(new Request(self.location.origin + path), response); });
}

// A new version of a file replaces the old one instead of piling up beside it.
function putShell(request, response) {
  if (forgotten) return Promise.resolve();
  return caches.open(CACHE).then(function (cache) {
    var url = new URL(request.url);
    return cache.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) {
        var u = new URL(k.url);
        return u.pathname === url.pathname && u.search !== url.search;
      }).map(function (k) { return cache.delete(k); }));
    }).then(function () { return cache.put(request, response); });
  });
}

function fetchPage(path) {
  return fetch(path, { credentials: 'same-origin', redirect: 'follow' }).then(function (response) {
    if (keepable(response)) return putPage(path, response);
    return null;
  }).catch(function () { return null; });
}

function fetchShell(url) {
  var request = new Request(url, { credentials: 'same-origin' });
  return caches.match(request).then(function (hit) {
    if (hit) return null;
    return fetch(request).then(function (response) {
      return response.ok && response.type === 'basic' ? putShell(request, response) : null;
    });
  }).catch(function () { return null; });
}

// A worker installs only if the server confirms its key is the signed-in session's: a second registration
// from a page left open since an earlier session fails here, so it never takes over and wipes the kept pages.
function confirmKey() {
  return fetch(OFFLINE_PAGE, { credentials: 'same-origin', redirect: 'follow', cache: 'no-store' }).then(function (response) {
    if (!keepable(response)) throw new Error('not this session\'s key');
    return putPage(OFFLINE_PAGE, response);
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(Promise.all([confirmKey(), fetchShell('/icons/workspace-192.png'), fetchShell('/favicon.svg')])
    .then(function () { return self.skipWaiting(); }));
});

// Caches of any other key (an earlier session, another person) go as soon as this worker, confirmed current, takes over.
self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function networkFirst(request, path) {
  return fetch(request).then(function (response) {
    if (keepable(response)) {
      var copy = response.clone();
      return putPage(path, copy).then(function () { return response; }, function () { return response; });
    }
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(self.location.origin + path, { ignoreVary: true }).then(function (hit) {
        if (hit) return hit;
        if (request.mode === 'navigate') return cache.match(self.location.origin + OFFLINE_PAGE, { ignoreVary: true }).then(function (page) { return page || Response.error(); });
        return Response.error();
      });
    });
  });
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (KEY !== '' && response.ok && response.type === 'basic') {
          var copy = response.clone();
          putShell(request, copy).catch(function () { });
        }
        return response;
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  var path = pagePath(url);
  if (path) { event.respondWith(networkFirst(request, path)); return; }
  // Any other workspace page (earnings, questions) is never kept, but without signal it still says why in words.
  if (request.mode === 'navigate' && url.origin === self.location.origin && /^\/toko-saya(\/|$)/.test(url.pathname)) {
    event.respondWith(fetch(request).catch(function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(self.location.origin + OFFLINE_PAGE, { ignoreVary: true }); })
        .then(function (page) { return page || Response.error(); });
    }));
    return;
  }
  if (isShell(url)) event.respondWith(cacheFirst(request));
});

// The page names what it showed (its own files, its own listings) so they open later without signal.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'keep' && Array.isArray(data.urls)) {
    var work = data.urls.slice(0, 60).map(function (href) {
      var url = new URL(href, self.location.origin);
      var path = pagePath(url);
      if (path) return fetchPage(path);
      if (isShell(url)) return fetchShell(url.href);
      return null;
    });
    event.waitUntil(Promise.all(work).then(function () {
      if (event.source) event.source.postMessage({ type: 'kept' });
    }));
  } else if (data.type === 'forget' && typeof data.key === 'string' && data.key !== '') {
    // Only the key the signing-out page names: a late message from an earlier session never takes the current one's pages.
    if (data.key === KEY) forgotten = true;
    event.waitUntil(caches.delete(PREFIX + data.key).then(function () {
      if (event.source) event.source.postMessage({ type: 'forgotten', key: data.key });
    }));
  }
});
