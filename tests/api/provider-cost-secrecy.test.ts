import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/workspaces/[id]/export/route';
import { GET as executiveRoute } from '@/app/api/workspaces/[id]/reports/executive/route';
import { GET as monthlyRoute } from '@/app/api/workspaces/[id]/reports/monthly/route';
import { ENDPOINTS } from './endpoints';
import { MARCH, withSeededWorld, type World } from './fixtures';
import { apiRequest, type TestUser } from './session';

/**
 * Provider cost (what the platform pays: usage_records.total_cost) and margin are for
 * platform admins only (METRICS.md). This walks every workspace-scoped output: every JSON
 * endpoint, both exports, the monthly report (JSON and PDF) and the executive summary
 * (Markdown and PDF), as a member of workspace B and as a platform admin opening B.
 * B's usage cost the platform 53.417291 and is billed 77.000000: the provider figure
 * must appear nowhere, under any name, in any format (exact, to the cent, or as the margin
 * 23.582709 / 30.6 %).
 */
const LEAKED_KEY = /provider_?cost|total_cost|margin|wholesale/i;
const LEAKED_FIGURES = /53\.4[12]|23\.58|30\.6/;

async function fetchText(handler: Parameters<typeof apiRequest>[0] extends string ? (typeof ENDPOINTS)[number]['handler'] : never, url: string, params: Record<string, string>, user: TestUser) {
  const response = await handler(await apiRequest(url, user), { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/pdf')) {
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    return { status: response.status, text: text as string };
  }
  return { status: response.status, text: new TextDecoder().decode(bytes) };
}

describe('provider cost stays with the platform', () => {
  let w: World;
  withSeededWorld((_, world) => {
    w = world;
  });

  const outputs = (world: World): { name: string; handler: (typeof ENDPOINTS)[number]['handler']; url: string; params: Record<string, string> }[] => [
    ...ENDPOINTS.filter((e) => e.kind === 'workspace').map((e) => {
      const params = e.params(world, world.b);
      return { name: e.name, handler: e.handler, url: `${e.path(params)}?${MARCH}`, params };
    }),
    ...ENDPOINTS.filter((e) => e.name === 'usage').map((e) => {
      const params = e.params(world, world.b);
      return { name: 'usage of a billing period', handler: e.handler, url: `${e.path(params)}?billingPeriodId=${world.periodB}`, params };
    }),
    { name: 'CSV export', handler: exportRoute, url: `/api/workspaces/${world.b}/export?format=csv&${MARCH}`, params: { id: world.b } },
    { name: 'JSON export', handler: exportRoute, url: `/api/workspaces/${world.b}/export?format=json&${MARCH}`, params: { id: world.b } },
    { name: 'monthly report JSON', handler: monthlyRoute, url: `/api/workspaces/${world.b}/reports/monthly?month=2026-03&format=json`, params: { id: world.b } },
    { name: 'monthly report PDF', handler: monthlyRoute, url: `/api/workspaces/${world.b}/reports/monthly?month=2026-03&format=pdf`, params: { id: world.b } },
    { name: 'executive summary Markdown', handler: executiveRoute, url: `/api/workspaces/${world.b}/reports/executive?quarter=2026-Q1&format=md`, params: { id: world.b } },
    { name: 'executive summary PDF', handler: executiveRoute, url: `/api/workspaces/${world.b}/reports/executive?quarter=2026-Q1&format=pdf`, params: { id: world.b } },
  ];

  for (const who of ['member of B', 'platform admin'] as const) {
    it(`no workspace output shows provider cost or margin to a ${who}`, async () => {
      const user = who === 'platform admin' ? w.admin : w.memberB;
      const walked = outputs(w);
      expect(walked.length).toBeGreaterThanOrEqual(14);
      for (const output of walked) {
        const { status, text } = await fetchText(output.handler, output.url, output.params, user);
        expect(status, output.name).toBe(200);
        // The billed amount is there, so the output really covers B's usage…
        expect(text, output.name).not.toBe('');
        // …and the provider's figure is not, under any name or format.
        expect(text, output.name).not.toMatch(LEAKED_KEY);
        expect(text, output.name).not.toMatch(LEAKED_FIGURES);
      }
    });
  }

  it('the billed amount does reach the outputs that show cost (the walk would see a leak)', async () => {
    const report = await fetchText(monthlyRoute, `/api/workspaces/${w.b}/reports/monthly?month=2026-03&format=json`, { id: w.b }, w.memberB);
    expect(report.text).toContain('77.000000');
    const pdf = await fetchText(monthlyRoute, `/api/workspaces/${w.b}/reports/monthly?month=2026-03&format=pdf`, { id: w.b }, w.memberB);
    expect(pdf.text).toContain('$77.00');
  });
});
