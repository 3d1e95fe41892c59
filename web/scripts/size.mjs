// What each page of the built app costs to load: the entry's JavaScript (every page needs it) plus the
// page's own lazily loaded chunks, gzip-compressed as a server sends them. Reads dist/.vite/manifest.json.
//   node scripts/size.mjs [--json]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
const gz = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;

/** Every JS file a manifest entry loads up front (itself and its static imports, recursively). */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
const entryBytes = [...entry].reduce((n, f) => n + gz(f), 0);
const css = (manifest[entryKey].css ?? []).reduce((n, f) => n + gz(f), 0);

const pages = Object.keys(manifest)
  .filter((k) => /pages\/\w+Page\.tsx$/.test(k))
  .map((k) => {
    const own = [...closure(k)].filter((f) => !entry.has(f));
    const bytes = own.reduce((n, f) => n + gz(f), 0);
    return { page: k.replace(/^src\/features\//, '').replace(/\.tsx$/, ''), own: bytes, total: entryBytes + bytes };
  })
  .sort((a, b) => a.page.localeCompare(b.page));

const kb = (n) => (n / 1024).toFixed(1);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ entry: entryBytes, css, pages }, null, 2));
} else {
  console.log(`| page | own chunks KB gzip | with the entry KB gzip |`);
  console.log(`|---|---:|---:|`);
  for (const p of pages) console.log(`| ${p.page} | ${kb(p.own)} | ${kb(p.total)} |`);
  console.log(`\nEntry (shared by every page): ${kb(entryBytes)} KB gzip JavaScript, ${kb(css)} KB gzip CSS.`);
}
