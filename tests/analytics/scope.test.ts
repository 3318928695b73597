import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallAnalytics, getWorkspaceOverview, isWorkspaceScope, scopeCondition } from '@/lib/analytics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createCalls, createUsage, createWorkspace, utcRange } from './fixtures';

const ID = '7a0c1a0e-8f3b-4c4e-9a57-0f7f2d9b6b11';

describe('scopeCondition fails closed', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an empty object', {}],
    ['an empty workspace id', { workspaceId: '' }],
    ['a malformed workspace id', { workspaceId: "x' OR 1=1 --" }],
    ['platform: false', { platform: false }],
    ['platform: "true"', { platform: 'true' }],
    ['both keys at once', { workspaceId: ID, platform: true }],
    ['both keys at once, platform first', { platform: true, workspaceId: ID }],
    ['a workspace id with a prefix', { workspaceId: `x${ID}` }],
    ['a workspace id with a suffix', { workspaceId: `${ID}x` }],
    ['a function that says platform: true', Object.assign(() => {}, { platform: true })],
    // Only own keys count: an inherited platform or workspace id must not pass.
    ['a bad workspace id over an inherited platform: true', Object.assign(Object.create({ platform: true }), { workspaceId: 'x' })],
    ['platform: false over an inherited workspace id', Object.assign(Object.create({ workspaceId: ID }), { platform: false })],
  ])('%s → 1=0', (_, scope) => {
    expect(scopeCondition(scope).sql).toBe('1=0');
  });

  it('tells a workspace scope from the platform scope', () => {
    expect(isWorkspaceScope({ workspaceId: ID })).toBe(true);
    expect(isWorkspaceScope({ platform: true })).toBe(false);
  });

  it('an unlisted column → 1=0', () => {
    expect(scopeCondition({ workspaceId: ID }, 'id; DROP TABLE calls' as never).sql).toBe('1=0');
  });

  it('binds the workspace id as a parameter', () => {
    const condition = scopeCondition({ workspaceId: ID }, 'c.workspace_id');
    expect(condition.sql).toBe('c.workspace_id = ?::uuid');
    expect(condition.values).toEqual([ID]);
    expect(scopeCondition({ platform: true }).sql).toBe('TRUE');
  });
});

describe('queries under a scope', () => {
  let t: TestDatabase;
  let a: string;
  let b: string;
  const range = utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
  beforeAll(async () => {
    t = await createTestDatabase();
    a = await createWorkspace(t.db);
    b = await createWorkspace(t.db);
    await createCalls(t.db, a, [{ startedAt: '2026-03-02T00:00:00Z' }]);
    await createCalls(t.db, b, [{ startedAt: '2026-03-02T00:00:00Z' }, { startedAt: '2026-03-03T00:00:00Z' }]);
    await createUsage(t.db, b, { createdAt: '2026-03-02T00:00:00Z', finalCost: '2' });
  });
  afterAll(() => t?.dispose());

  it('a workspace sees only its own rows; a bad scope sees none', async () => {
    expect((await getCallAnalytics(t.db, { workspaceId: a }, range)).totalCalls).toBe(1);
    expect((await getCallAnalytics(t.db, { workspaceId: b }, range)).totalCalls).toBe(2);
    expect((await getCallAnalytics(t.db, { platform: true }, range)).totalCalls).toBe(3);
    expect((await getCallAnalytics(t.db, { workspaceId: '' }, range)).totalCalls).toBe(0);
    const overview = await getWorkspaceOverview(t.db, {} as never, range);
    expect(overview.calls.total).toBe(0);
    expect(overview.cost.total).toBe('0.000000');
  });
});
