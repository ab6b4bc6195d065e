// Dukao's service worker: keeps the app and the last data it saw, so that
// the app opens and reads offline.
//
// - App files (index.html, wasm, scripts, styles, icons): precached at
//   install under a cache named after the build; served cache first. A new
//   build has a new version, so its worker installs a fresh cache and
//   deletes the old one.
// - The spreadsheet worker (dukao-sheets-worker*): not precached, because
//   it loads only on import or export. Network first; each response is
//   kept in the build's cache, so exports work offline after first use.
// - Page navigations: network first, falling back to the cached
//   index.html, so every deep link opens offline.
// - Data documents (same-origin GET requests for *.json): network first;
//   each successful response replaces the cached copy. When the network
//   fails, the cached copy is returned with the header
//   `X-Dukao-Offline: 1`, which the app uses to mark the data as stale.
//
// tools/post-build.mjs replaces the placeholder below with the build's
// file list and version.
const PRECACHE = self.__DUKAO_PRECACHE__;

const SHELL_CACHE = "dukao-shell-" + PRECACHE.version;
const DATA_CACHE = "dukao-data";
const OFFLINE_HEADER = "X-Dukao-Offline";

const scopeUrl = new URL(self.registration.scope);

function resolve(path) {
  return new URL(path, scopeUrl).href;
}

async function precacheData() {
  const cache = await caches.open(DATA_CACHE);
  await Promise.all(
    PRECACHE.data.map(async (path) => {
      const url = resolve(path);
      // Keep data already seen: it may be newer than the build's copy.
      if (await cache.match(url)) return;
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, response);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(
        PRECACHE.shell.map((path) => new Request(resolve(path), {
          cache: "no-cache",
        })),
      );
      try {
        await precacheData();
      } catch (error) {
        // The app still works online; data is cached as it is read.
        console.warn("dukao sw: precaching data failed:", error);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("dukao-shell-") && name !== SHELL_CACHE) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

function markOffline(response) {
  const headers = new Headers(response.headers);
  headers.set(OFFLINE_HEADER, "1");
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function dataNetworkFirst(request) {
  const cache = await caches.open(DATA_CACHE);
  // Cache under the bare URL: conditional and plain requests for the same
  // document share one entry.
  const key = request.url;
  try {
    const response = await fetch(request);
    if (response.status === 200) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return markOffline(cached);
    throw error;
  }
}

async function navigationNetworkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(SHELL_CACHE);
    const cached = await cache.match(resolve("index.html"));
    if (cached) return cached;
    throw error;
  }
}

async function lazyNetworkFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200) {
      await cache.put(request.url, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request.url);
    if (cached) return cached;
    throw error;
  }
}

async function shellCacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request.url);
  return cached || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scopeUrl.origin) return;

  if (request.mode === "navigate") {
    event.respondWith(navigationNetworkFirst(request));
  } else if (url.pathname.endsWith(".json")) {
    event.respondWith(dataNetworkFirst(request));
  } else if (PRECACHE.shell.some((path) => resolve(path) === url.href)) {
    event.respondWith(shellCacheFirst(request));
  } else if (/\/dukao-sheets-worker[^/]*$/.test(url.pathname)) {
    event.respondWith(lazyNetworkFirst(request));
  }
});
