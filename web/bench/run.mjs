// The web app's budgets, measured against a running gateway that serves web/dist (localstack/web-bench.sh
// starts one): each page's JavaScript, Lighthouse on the sign-in and home pages, and the home page's API
// calls and time to render. Prints Markdown; with README=path, writes it between the web-bench markers.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import { freshCode } from '../scripts/totp.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3096';
const USER = process.env.BENCH_USER ?? 'alice.acme';
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Demo-Portal-2026';
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function post(path, body, cookie) {
  const r = await fetch(BASE + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r;
}

/** Signs in over HTTP as the browser does and returns the refresh cookies (name=value pairs). */
async function signIn() {
  const { session } = await (await post('/portal/auth/login', { username: USER, password: PASSWORD })).json();
  const r = await post('/portal/auth/login/mfa', { username: USER, session, code: await freshCode(), refresh_cookie: true });
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookies.length === 0) throw new Error('sign-in set no cookie');
  return cookies;
}

/** `name=value` pairs as the browser's cookies for the auth routes. */
function asCookies(pairs, host) {
  return pairs.map((c) => {
    const [name, ...v] = c.split('=');
    return { name, value: v.join('='), domain: host, path: '/portal/auth', httpOnly: true, sameSite: 'Strict' };
  });
}

/** What a returning contact's browser holds: the refresh cookies and the app's signed-in hint. */
const HINT = 'portal.signed-in';

async function runLighthouse(url, cookies) {
  const chrome = await launch({ chromePath: CHROME, chromeFlags: FLAGS });
  try {
    let page;
    if (cookies) {
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      page = await browser.newPage();
      // A page of the origin that loads none of the app, so nothing of it is cached before the run.
      await page.goto(`${BASE}/openapi.json`);
      await page.evaluate((key) => localStorage.setItem(key, '1'), HINT);
      await (await page.createCDPSession()).send('Network.clearBrowserCache');
      const host = new URL(BASE).hostname;
      await browser.setCookie(...asCookies(cookies, host));
    }
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      // Keep the cookies and the hint set above (Lighthouse clears storage by default).
      disableStorageReset: Boolean(cookies),
    }, undefined, page);
    const lhr = result.lhr;
    const score = (k) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcp: lhr.audits['first-contentful-paint'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      failed: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}

/** The home page is drawn with its data: the welcome, a recent ticket and a recent document. */
async function homeRendered(page) {
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
  await page.getByRole('region', { name: 'Recent tickets' }).getByRole('link').first().waitFor();
  await page.getByRole('region', { name: 'Recent documents' }).getByRole('button').first().waitFor();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The home page with a session: (a) a cold load of `/` (the refresh cookie becomes a token, then the
 * page's own calls), and (b) moving to Home inside the app once the token is in memory.
 */
async function homeCalls(cookies) {
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--disable-gpu', '--disable-quic'] });
  const host = new URL(BASE).hostname;
  const cold = [];
  const warm = [];
  let coldCalls = [];
  let warmCalls = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext();
      await context.addInitScript((key) => localStorage.setItem(key, '1'), HINT);
      await context.addCookies(asCookies(cookies, host));
      const page = await context.newPage();
      let calls = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/portal/')) calls.push(`${r.method()} ${u.pathname}`);
      });
      const t0 = Date.now();
      await page.goto(BASE + '/', { waitUntil: 'commit' });
      await homeRendered(page);
      cold.push(Date.now() - t0);
      coldCalls = calls;
      await context.close();

      // A fresh page that starts elsewhere, so the home page's own data is not cached yet.
      const second = await browser.newContext();
      await second.addInitScript((key) => localStorage.setItem(key, '1'), HINT);
      await second.addCookies(asCookies(cookies, host));
      const other = await second.newPage();
      await other.goto(BASE + '/account');
      await other.getByRole('heading', { level: 1 }).waitFor();
      const moved = [];
      other.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/portal/')) moved.push(`${r.method()} ${u.pathname}`);
      });
      const t1 = Date.now();
      await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await homeRendered(other);
      warm.push(Date.now() - t1);
      warmCalls = moved;
      await second.close();
    }
  } finally {
    await browser.close();
  }
  return { cold: median(cold), warm: median(warm), coldCalls, warmCalls };
}

const sizes = JSON.parse(execFileSync('node', [new URL('../scripts/size.mjs', import.meta.url).pathname, '--json'], { encoding: 'utf8' }));
const cookies = await signIn();
const signInLh = await runLighthouse(BASE + '/sign-in');
const homeLh = await runLighthouse(BASE + '/', cookies);
const home = await homeCalls(cookies);

const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => `${Math.round(n)} ms`;
const signInPage = sizes.pages.find((p) => p.page.endsWith('SignInPage'));
const lines = [];
lines.push(`Measured by \`./localstack/web-bench.sh\` on ${new Date().toISOString().slice(0, 10)}: production build, served by the local gateway (debug build) on the emulators; Chromium ${execFileSync(CHROME, ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium /, '')}, headless.`);
lines.push('');
lines.push(`**JavaScript per page**, gzip: the entry every page loads is ${kb(sizes.entry)} KB (plus ${kb(sizes.css)} KB of CSS); each page adds its own lazily loaded chunks. Budget: the sign-in page ≤ 130 KB: ${kb(signInPage?.total ?? 0)} KB, ${signInPage && signInPage.total <= 130 * 1024 ? 'met' : '**not met**'}.`);
lines.push('');
lines.push('| page | its own chunks KB | total with the entry KB |');
lines.push('|---|---:|---:|');
for (const p of sizes.pages) lines.push(`| ${p.page.replace('/pages/', ' · ')} | ${kb(p.own)} | ${kb(p.total)} |`);
lines.push('');
lines.push('**Lighthouse** 12.8.2 (mobile emulation and its simulated slow 4G, the default), one run each. The home page is loaded with the refresh cookie, as a returning contact does. Budgets: performance ≥ 90, accessibility 100, best practices ≥ 95.');
lines.push('');
lines.push('| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, r] of [['sign-in', signInLh], ['home', homeLh]]) {
  lines.push(`| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} |`);
}
const failed = [...new Set([...signInLh.failed, ...homeLh.failed])];
if (failed.length) lines.push('', `Binary audits not passed: ${failed.join(', ')}.`);
lines.push('');
const count = (calls, skip) => calls.filter((c) => !skip.some((s) => c.endsWith(s)));
lines.push(`**Home page**, median of ${RUNS} (real time on this machine, no throttling):`);
lines.push(`- loaded cold with the refresh cookie: ${ms(home.cold)} from navigation to the rendered page; API calls: ${home.coldCalls.join(', ')} — the page's own: ${count(home.coldCalls, ['/portal/auth/refresh', '/portal/news']).length} (the refresh is the session's, the news the shell's banner);`);
lines.push(`- moving to Home inside the app once the token is in memory (from the account page): ${ms(home.warm)} to the rendered page; API calls: ${home.warmCalls.join(', ') || 'none'} (\`/portal/me\` is already cached by the shell, so the page's own are two).`);
const out = lines.join('\n');
console.log(out);

if (process.env.README) {
  const readme = readFileSync(process.env.README, 'utf8');
  const start = '<!-- web-bench:start -->';
  const end = '<!-- web-bench:end -->';
  if (readme.includes(start) && readme.includes(end)) {
    writeFileSync(process.env.README, readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${out}\n${end}`));
    console.error(`written into ${process.env.README}`);
  }
}
