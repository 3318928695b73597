import { describe, expect, it } from 'vitest';
import { GET as agentPerformance } from '@/app/api/workspaces/[id]/agents/[agentId]/performance/route';
import { GET as agents } from '@/app/api/workspaces/[id]/agents/route';
import { GET as calls } from '@/app/api/workspaces/[id]/calls/route';
import { GET as usage } from '@/app/api/workspaces/[id]/usage/route';
import { GET as workspaces } from '@/app/api/workspaces/route';
import { agentListResponse, callListResponse, usageResponse, workspaceListResponse } from '@/lib/api/schemas';
import type { TestDatabase } from '../helpers/test-db';
import { MARCH, withSeededWorld, type World } from './fixtures';
import { call } from './session';

/** Behaviour beyond the contract: resources inside a workspace, pagination, role listing. */
describe('workspace resources', () => {
  let t: TestDatabase;
  let w: World;

  withSeededWorld((db, world) => {
    t = db;
    w = world;
  });

  it('lists the caller’s workspaces with role and time zone; all of them for a platform admin', async () => {
    const mine = workspaceListResponse.parse((await call(workspaces, '/api/workspaces', {}, w.ownerA)).body);
    expect(mine.workspaces).toEqual([expect.objectContaining({ id: w.a, role: 'owner', timezone: 'America/New_York' })]);
    const all = workspaceListResponse.parse((await call(workspaces, '/api/workspaces', {}, w.admin)).body);
    expect(all.workspaces.map((x) => [x.name, x.role])).toEqual([['Alpha', null], ['Beta', null]]);
  });

  it('answers 401 once the user behind a valid token is deleted', async () => {
    const ghost = await t.db.user.create({ data: { email: 'ghost@example.com', passwordHash: 'x' } });
    await t.db.user.delete({ where: { id: ghost.id } });
    expect((await call(workspaces, '/api/workspaces', {}, { id: ghost.id, email: ghost.email })).status).toBe(401);
  });

  it('hides another workspace’s agent and billing period behind 404', async () => {
    const foreignAgent = await call(agentPerformance, `/api/workspaces/${w.a}/agents/${w.agentB}/performance?${MARCH}`, { id: w.a, agentId: w.agentB }, w.ownerA);
    expect(foreignAgent.status).toBe(404);
    const malformed = await call(agentPerformance, `/api/workspaces/${w.a}/agents/x/performance`, { id: w.a, agentId: "x' OR 1=1" }, w.ownerA);
    expect(malformed.status).toBe(404);
    expect(malformed.body).toEqual(foreignAgent.body);
    const foreignPeriod = await call(usage, `/api/workspaces/${w.a}/usage?billingPeriodId=${w.periodB}`, { id: w.a }, w.ownerA);
    expect(foreignPeriod.status).toBe(404);
  });

  it('summarises usage of a billing period', async () => {
    const result = await call(usage, `/api/workspaces/${w.a}/usage?billingPeriodId=${w.periodA}`, { id: w.a }, w.viewerA);
    const body = usageResponse.parse(result.body);
    expect(body.billingPeriod?.id).toBe(w.periodA);
    expect(body.totals).toEqual({ billedAmount: '3.900000' });
    expect(JSON.stringify(result.body)).not.toMatch(/providerCost|total_cost/);
  });

  it('lists agents with figures and flags deleted ones', async () => {
    const body = agentListResponse.parse((await call(agents, `/api/workspaces/${w.a}/agents?${MARCH}`, { id: w.a }, w.ownerA)).body);
    expect(body.agents.map((a) => [a.name, a.calls, a.deletedAt !== null])).toEqual([['Ava', 6, false], ['Old Bot', 1, true]]);
    expect(body.agents[0]!.cost).toBe('22.500000');
  });

  async function walk(query: string): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/workspaces/${w.a}/calls?${MARCH}&limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const result = await call(calls, url, { id: w.a }, w.ownerA);
      expect(result.status).toBe(200);
      const page = callListResponse.parse(result.body);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { ids, pages };
  }

  it('pages through every call exactly once, newest first by default', async () => {
    const { ids, pages } = await walk('');
    expect(pages).toBe(4);
    expect(ids).toEqual([...w.callIdsA].reverse());
  });

  it.each([
    ['sort=duration&order=desc'],
    ['sort=duration&order=asc'],
    ['sort=cost&order=asc'],
    ['sort=cost&order=desc'],
    ['sort=started_at&order=asc'],
  ])('pages through every call exactly once with %s', async (query) => {
    const { ids } = await walk(query);
    expect([...ids].sort()).toEqual([...w.callIdsA].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('orders by duration with calls without a duration last when descending', async () => {
    const body = callListResponse.parse((await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&sort=duration`, { id: w.a }, w.ownerA)).body);
    expect(body.items.map((i) => i.durationSeconds)).toEqual([420, 360, 240, 180, 120, 60, null]);
  });

  it('applies filters to the list and refuses a cursor of another sort order', async () => {
    const filtered = callListResponse.parse((await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&status=failed`, { id: w.a }, w.ownerA)).body);
    expect(filtered.items.map((i) => i.status)).toEqual(['failed']);
    const first = callListResponse.parse((await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&limit=1`, { id: w.a }, w.ownerA)).body);
    const mismatch = await call(calls, `/api/workspaces/${w.a}/calls?${MARCH}&sort=cost&cursor=${first.nextCursor}`, { id: w.a }, w.ownerA);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.param).toBe('cursor');
  });
});
