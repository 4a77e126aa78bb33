// The Lighthouse table for bench/lighthouse.sh. Usage: node summary.mjs JSON_DIR RUNS.txt OUT.md TIER LABEL CORES name:path...
import fs from 'node:fs';
import path from 'node:path';

const [dir, runsFile, out, tier, label, cores, ...pages] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const runs = fs.readFileSync(runsFile, 'utf8').trim().split('\n').map(l => l.split(' '));
const lines = [
  `# Lighthouse ${JSON.parse(fs.readFileSync(path.join(dir, pages[0].split(':')[0] + '.json'))).lighthouseVersion}, mobile emulation, tier \`${tier}\`, ${label}`, '',
  `${cores} cores, shared. Target: 95 or more in every category on every page. A page below 95 in performance`,
  'was run a second time and the better run kept; "runs" lists each run\'s performance with the 1-minute load average.',
  'Catalogue pages were requested once just before (warm in the output cache, as a visitor after the first finds them);',
  'workspace pages are never output-cached. Lighthouse starts every run with an empty browser cache. First-visit timings',
  'with no cache at all are in the page-weight and uncached benches, not here.', '',
  '| page | path | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | runs (performance @ load) |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
];
const below = [];
for (const page of pages) {
  const [name, ...rest] = page.split(':');
  const report = JSON.parse(fs.readFileSync(path.join(dir, name + '.json'), 'utf8'));
  const scores = categories.map(c => Math.round(report.categories[c].score * 100));
  const a = report.audits;
  const tried = runs.filter(r => r[0] === name).map(r => `${r[3]} @ ${r[2]}`).join(', ');
  lines.push(`| ${name} | \`${rest.join(':')}\` | ${scores.map(s => s < 95 ? `**${s}**` : s).join(' | ')} | ` +
    `${a['largest-contentful-paint'].numericValue.toFixed(0)} | ${a['total-blocking-time'].numericValue.toFixed(0)} | ${a['cumulative-layout-shift'].numericValue.toFixed(3)} | ${tried} |`);
  categories.forEach((c, i) => {
    if (scores[i] >= 95) return;
    const failing = report.categories[c].auditRefs
      .map(ref => a[ref.id])
      .filter(x => x && x.score !== null && x.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(x.scoreDisplayMode))
      .map(x => `${x.id} (${x.score})`);
    below.push(`- ${name}, ${c} ${scores[i]}: ${failing.join(', ') || 'no single audit below 0.9'}`);
  });
}
lines.push('', '## Below 95', '', ...(below.length ? below : ['- none']));
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(lines.join('\n'));
