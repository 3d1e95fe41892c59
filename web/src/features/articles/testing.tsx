// Test helpers of this feature: the shared renderWith, a signed-in session and sample articles.
import { resetSession, signedIn } from '../../lib/session';
import type { ArticleCategory, ArticleSummary, PortalArticle } from './api';

export { renderWith } from '../../test/render';

/** A session the typed client sends a token for (the fake network answers whatever it is asked). */
export function signedInAlice() {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
}

export const CATEGORIES: ArticleCategory[] = [
  { name: 'Fire safety', articles: 1 },
  { name: 'Heating', articles: 1 },
  { name: 'Sites', articles: 1 },
  { name: 'Using the portal', articles: 2 },
];

export function summary(over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: '01JARTICLE0000000000000001',
    title: 'Resetting a tripped boiler',
    category: 'Heating',
    summary: 'Before you call Check the gas supply and the thermostat.',
    published_at: '2026-11-02T09:00:00Z',
    updated_at: '2026-11-02T09:00:00Z',
    ...over,
  };
}

export const SUMMARIES: ArticleSummary[] = [
  summary(),
  summary({ id: '01JARTICLE0000000000000002', title: 'Acme House: out-of-hours access', category: 'Sites', summary: 'Engineers collect the key.' }),
  summary({ id: '01JARTICLE0000000000000003', title: 'How do I raise a ticket?', category: 'Using the portal', summary: 'Open Tickets.' }),
];

export function article(over: Partial<PortalArticle> = {}): PortalArticle {
  return {
    id: '01JARTICLE0000000000000001',
    title: 'Resetting a tripped boiler',
    category: 'Heating',
    body_html: '<h2>Before you call</h2><ul><li>Check the gas supply.</li></ul>',
    published_at: '2026-11-02T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    my_vote: null,
    ...over,
  };
}
