// What the browser tests share: the demo data's fixed ids, TOTP codes, the emulator's mailbox, staff
// calls through the gateway, sign-in through the pages, and the accessibility check with a screenshot.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { freshCode } from '../scripts/totp.mjs';

export const DEMO_PASSWORD = 'Demo-Portal-2026';
export const ACME_ID = '01JD00000000000000000000AC';
export const GLOBEX_ID = '01JD00000000000000000000GX';
export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3097';
export const EMULATOR = process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566';
export const SCREENSHOTS = new URL('../e2e-output/screenshots/', import.meta.url).pathname;
export const ALICE_STATE = new URL('../e2e-output/alice.json', import.meta.url).pathname;

export { freshCode, totp } from '../scripts/totp.mjs';

/** Runs the local stack's command line (the same stack the gateway serves). */
export function portalLocal(...args: string[]): string {
  const bin = process.env.PORTAL_LOCAL;
  if (!bin) throw new Error('PORTAL_LOCAL is not set: run the browser tests through localstack/web-test.sh');
  return execFileSync(bin, args, { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname }).trim();
}

let staffToken: string | null = null;

/** A staff call through the gateway, as the demo supervisor. */
export async function staff(method: string, path: string, body?: unknown): Promise<unknown> {
  staffToken ??= portalLocal('token', 'supervisor');
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${staffToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

interface SentEmail {
  destinations?: { ToAddresses?: string[] };
  subject?: string;
  body?: string;
}

interface SentRawEmail {
  destinations?: string[];
  raw_data?: string;
}

/** The token of the newest one-click unsubscribe link (`List-Unsubscribe`) emailed to an address, after the
 * outbox drain; emails that carry one are sent as raw MIME, which the emulator keeps apart. */
export async function unsubscribeTokenEmailedTo(address: string): Promise<string> {
  const pattern = /List-Unsubscribe: <[^>]*\/portal\/auth\/unsubscribe\/([A-Za-z0-9_-]+)>/;
  portalLocal('job', 'drain-outbox');
  for (let i = 0; i < 20; i += 1) {
    const data = (await (await fetch(`${EMULATOR}/moto-api/data.json`)).json()) as { ses?: { RawMessage?: SentRawEmail[] } };
    for (const email of (data.ses?.RawMessage ?? []).filter((m) => m.destinations?.includes(address)).reverse()) {
      const found = pattern.exec(email.raw_data ?? '');
      if (found?.[1]) return found[1];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no unsubscribe link emailed to ${address}`);
}

/** Every email the emulator sent to an address, oldest first. */
export async function emailsTo(address: string): Promise<SentEmail[]> {
  const data = (await (await fetch(`${EMULATOR}/moto-api/data.json`)).json()) as { ses?: { Message?: SentEmail[] } };
  return (data.ses?.Message ?? []).filter((m) => m.destinations?.ToAddresses?.includes(address));
}

/** An email's HTML with its character references decoded (the templates write a link's slashes as `&#x2F;`). */
function decoded(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The newest emailed link to `path` (`activate`, `reset-password`), read out of the emulator's mailbox; the
 * outbox drain runs first when the email is only queued (forgot-password queues it).
 */
export async function linkInEmail(address: string, path: string, drainFirst = false): Promise<string> {
  const pattern = new RegExp(`https?://[^"'\\s<]+/${path}\\?token=[A-Za-z0-9_-]+`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (drainFirst || attempt > 0) portalLocal('job', 'drain-outbox');
    for (let i = 0; i < 20; i += 1) {
      for (const email of (await emailsTo(address)).reverse()) {
        const found = pattern.exec(decoded(email.body ?? ''));
        if (found) return found[0];
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`no ${path} link emailed to ${address}`);
}

/** Signs in through the pages: username and password, then the authenticator code. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Authenticator code').fill(await freshCode());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** axe-core on the page as it stands (WCAG 2.2 A and AA), zero violations; and a screenshot for the record. */
export async function checkPage(page: Page, name: string) {
  // Check the page as it settles, not while something is still loading.
  await expect(page.locator('.spinner')).toHaveCount(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility violations on ${name}`).toEqual([]);
}
