// Bytes a phone downloads per page: Debian's Chromium at 360 px, each page in a fresh browser context (empty
// cache, no service worker), behind a counting TCP relay, so the figure is what crossed the network (headers,
// compression, service-worker fetches and all), whatever caching the shop does. Workspace pages are opened
// twice in the same context: first visit, then warm. The DevTools protocol tells which responses came from a
// cache (none may on a first visit), and /metrics tells how many output-cache hits each page caused.
// Usage: node measure.mjs SHOP_BASE PAGES.json OUT.json  (PAGES: [{kind, name, path, warm?, cart?}], see page-weight.sh)
import net from 'node:net';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const [shop, pagesFile, outFile] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(pagesFile, 'utf8')).filter(p => p.kind !== 'end');
const login = process.env.BENCH_LOGIN ?? 'pembuat';
const password = process.env.BENCH_PASSWORD ?? 'PasKreatif-2026';
const shopUrl = new URL(shop);

// The relay: every byte the shop sends to the browser is counted.
let down = 0, up = 0, lastByte = Date.now();
const relay = net.createServer(client => {
  const server = net.connect(Number(shopUrl.port), shopUrl.hostname);
  client.on('data', d => { up += d.length; lastByte = Date.now(); server.write(d); });
  server.on('data', d => { down += d.length; lastByte = Date.now(); client.write(d); });
  client.on('end', () => server.end()); server.on('end', () => client.end());
  client.on('error', () => server.destroy()); server.on('error', () => client.destroy());
});
await new Promise(r => relay.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${relay.address().port}`;

// The output cache's lookups as /metrics counts them: { hit, miss }.
async function cacheLookups() {
  const text = await (await fetch(new URL('/metrics', shop))).text();
  const sum = result => text.split('\n').filter(l => new RegExp(`^paskreatif_output_cache_requests\\w*\\{.*result="${result}"`).test(l))
    .reduce((s, l) => s + Number(l.trim().split(/\s+/).pop()), 0);
  return { hit: sum('hit'), miss: sum('miss') };
}

const sleep = ms => new Promise(r => setTimeout(r, ms));
// Done when the page is loaded and nothing crossed the relay for a second (a script's fetch, a worker's precache).
async function settle(page) {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  const deadline = Date.now() + 15000;
  while (Date.now() - lastByte < 1000 && Date.now() < deadline) await sleep(100);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' };

// Signs in once through the relay's address with the request API (no page, so no browser cache is filled);
// every workspace context starts from these cookies alone.
async function signIn() {
  const context = await browser.newContext(phone);
  const form = await (await context.request.get(`${base}/masuk`)).text();
  const token = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/.exec(form)
    ?? /value="([^"]+)"[^>]*name="__RequestVerificationToken"/.exec(form);
  if (!token) throw new Error('no antiforgery token on /masuk');
  const answer = await context.request.post(`${base}/masuk`, {
    form: { Login: login, Password: password, __RequestVerificationToken: token[1] }, maxRedirects: 0,
    headers: { Origin: base },
  });
  if (answer.status() !== 302) throw new Error(`sign-in answered ${answer.status()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

async function visit(page, cdp, path) {
  const responses = new Map();
  const onResponse = e => responses.set(e.requestId, {
    url: e.response.url, type: e.type, status: e.response.status,
    cached: e.response.fromDiskCache || e.response.fromPrefetchCache || false, worker: e.response.fromServiceWorker || false,
    bytes: 0,
  });
  const onFinished = e => { const r = responses.get(e.requestId); if (r) r.bytes = e.encodedDataLength; };
  const onCache = e => { const r = responses.get(e.requestId); if (r) r.cached = true; };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.requestServedFromCache', onCache);
  const before = await cacheLookups();
  const [down0, up0] = [down, up];
  const response = await page.goto(base + path, { waitUntil: 'load', timeout: 60000 });
  await settle(page);
  const result = {
    status: response?.status() ?? 0,
    transferred: down - down0, sent: up - up0,
    ...await cacheLookups().then(after => ({ outputCacheHits: after.hit - before.hit, outputCacheMisses: after.miss - before.miss })),
    responses: [...responses.values()],
  };
  result.fromCache = result.responses.filter(r => r.cached).length;
  result.fromWorker = result.responses.filter(r => r.worker).length;
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  cdp.off('Network.requestServedFromCache', onCache);
  return result;
}

// Puts one listing in the context's cart through the add page's own form, with the request API.
async function addToCart(context, listingId) {
  const form = await (await context.request.get(`${base}/keranjang/tambah/${listingId}`)).text();
  const token = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/.exec(form);
  const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/.exec(form) ?? /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(form);
  if (!token) throw new Error(`no add-to-cart form for listing ${listingId}`);
  const answer = await context.request.post(base + (action ? action[1].replace(/&amp;/g, '&') : `/keranjang/tambah/${listingId}`), {
    form: { __RequestVerificationToken: token[1], Quantity: '1' }, maxRedirects: 0, headers: { Origin: base },
  });
  if (answer.status() >= 400) throw new Error(`add to cart answered ${answer.status()}`);
}

const maker = pages.some(p => p.signedIn) ? await signIn() : undefined;
// The maker's own listing and order, found by reading the workspace with the request API (no browser cache).
if (pages.some(p => p.path.startsWith('@'))) {
  const context = await browser.newContext({ ...phone, storageState: maker });
  const firstLink = async (path, pattern) => {
    const found = pattern.exec(await (await context.request.get(base + path)).text());
    if (!found) throw new Error(`no link like ${pattern} on ${path}`);
    return found[1];
  };
  const listing = await firstLink('/toko-saya', /href="(\/toko-saya\/produk\/\d+)"/);
  const order = await firstLink('/toko-saya/pesanan', /href="(\/toko-saya\/pesanan\/\d+)"/);
  await context.close();
  for (const p of pages) p.path = p.path.replace('@listing', listing).replace('@order', order);
}
const results = [];
for (const p of pages) {
  const context = await browser.newContext({ ...phone, storageState: p.signedIn ? maker : undefined });
  if (p.cart) await addToCart(context, p.cart);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const first = await visit(page, cdp, p.path);
  const row = { ...p, first };
  if (p.warm) row.warm = await visit(page, cdp, p.path);
  results.push(row);
  const kb = n => (n / 1024).toFixed(1);
  console.log(`${p.kind} ${p.name} ${p.path}: ${first.status} first ${kb(first.transferred)} KB` +
    (row.warm ? `, warm ${kb(row.warm.transferred)} KB` : '') + `, cache hits ${first.outputCacheHits}, from browser cache ${first.fromCache}`);
  await context.close();
}
await browser.close();
relay.close();
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
