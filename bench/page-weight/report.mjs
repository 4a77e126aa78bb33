// Writes the page-weight table from measure.mjs's JSON. Usage: node report.mjs RESULTS.json OUT.md TIER LABEL LOAD_BEFORE LOAD_AFTER CORES
import fs from 'node:fs';

const [resultsFile, out, tier, label, loadBefore, loadAfter, cores] = process.argv.slice(2);
const rows = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
const target = { catalogue: { first: 250 }, workspace: { first: 150, warm: 30 } };
const kb = n => (n / 1024).toFixed(1);
const verdict = (bytes, limit) => limit === undefined ? '' : bytes / 1024 <= limit ? 'ok' : '**over**';
const over = [];

const lines = [
  `# Page weight at 360 px, tier \`${tier}\`, ${label}`, '',
  `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}; ${cores} cores.`, '',
  'Transferred = every byte the shop sent to the browser (headers included, as compressed on the wire), counted by a',
  'TCP relay between Chromium and the shop, so service-worker and script fetches count too. Every first visit is a',
  'new browser context: empty HTTP cache, no service worker; "from cache" counts responses DevTools reports as served',
  'from the browser cache, and "hits / misses" the output-cache lookups the page caused on the server (/metrics;',
  'workspace pages are per person and never looked up).',
  'A warm visit opens the same page again in the same context, with whatever the shop lets the browser keep.', '',
  '| kind | page | path | status | first KB | target | warm KB | target | from cache (first) | from service worker (warm) | output-cache hits / misses (first) | requests (first) |',
  '|---|---|---|---:|---:|---|---:|---|---:|---:|---:|---:|',
];
for (const r of rows) {
  const t = target[r.kind];
  const first = `${kb(r.first.transferred)} | ${t.first} ${verdict(r.first.transferred, t.first)}`;
  const warm = r.warm ? `${kb(r.warm.transferred)} | ${t.warm} ${verdict(r.warm.transferred, t.warm)}` : ' | ';
  lines.push(`| ${r.kind} | ${r.name} | \`${r.path}\` | ${r.first.status} | ${first} | ${warm} | ${r.first.fromCache} | ${r.warm ? r.warm.fromWorker : ''} | ${r.first.outputCacheHits} / ${r.first.outputCacheMisses} | ${r.first.responses.length} |`);
  if (r.first.transferred / 1024 > t.first) over.push([r, 'first', r.first]);
  if (r.warm && r.warm.transferred / 1024 > t.warm) over.push([r, 'warm', r.warm]);
}

// Where the bytes of a first visit go, summed by resource type over all pages of a kind.
lines.push('', '## First visits by resource type (KB, DevTools encoded sizes, averaged per page)', '', '| kind | document | stylesheet | script | image | font | fetch/xhr | other |', '|---|---:|---:|---:|---:|---:|---:|---:|');
for (const kind of ['catalogue', 'workspace']) {
  const own = rows.filter(r => r.kind === kind);
  if (!own.length) continue;
  const sum = {};
  for (const r of own) for (const x of r.first.responses) {
    const type = { Document: 'document', Stylesheet: 'stylesheet', Script: 'script', Image: 'image', Font: 'font', Fetch: 'fetch', XHR: 'fetch' }[x.type] ?? 'other';
    sum[type] = (sum[type] ?? 0) + x.bytes;
  }
  lines.push(`| ${kind} | ` + ['document', 'stylesheet', 'script', 'image', 'font', 'fetch', 'other'].map(t => kb((sum[t] ?? 0) / own.length)).join(' | ') + ' |');
}

lines.push('', '## Over target', '');
if (!over.length) lines.push('- none');
for (const [r, visit, v] of over) {
  const biggest = [...v.responses].sort((a, b) => b.bytes - a.bytes).slice(0, 6).map(x => `${new URL(x.url).pathname} ${kb(x.bytes)} KB`).join(', ');
  lines.push(`- ${r.kind} ${r.name} (${visit}, ${kb(v.transferred)} KB): ${biggest}`);
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(lines.join('\n'));
