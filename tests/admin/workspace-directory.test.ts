import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/admin/workspaces/route';
import { getWorkspaceDirectory } from '@/lib/admin/workspace-directory';
import { adminWorkspacesResponse } from '@/lib/admin/workspace-response';
import { errorResponseSchema } from '@/lib/api/schemas';
import { installConnection } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createBillingPeriod, createCalls, createTier, createWorkspace, utcRange } from '../analytics/fixtures';
import { call, type TestUser } from '../api/session';

const MARCH = utcRange('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
const MARCH_QUERY = 'from=2026-03-01&to=2026-03-31';

/** The admin workspace list: search and sort over getWorkspaceList, and GET /api/admin/workspaces. */
describe('admin workspace directory', () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};
  let admin: TestUser;
  let owner: TestUser;

  beforeAll(async () => {
    t = await createTestDatabase();
    installConnection(t.connection, t.db);
    const db = t.db;
    await createTier(db, { name: 'pro', monthlyFee: '99.99' });
    await createTier(db, { name: 'enterprise_annual', monthlyFee: '1200', billingInterval: 'year' });
    ids.sao = await createWorkspace(db, { name: 'São Paulo Clínica', status: 'past_due', tier: 'pro' });
    ids.acme = await createWorkspace(db, { name: 'Acme', status: 'active', tier: 'pro' });
    ids.big = await createWorkspace(db, { name: 'Big Corp', status: 'active', tier: 'enterprise_annual' });
    ids.trial = await createWorkspace(db, { name: 'Trial Co', status: 'trialing', tier: 'pro' });
    // Revenues that a float sum or float comparison would get wrong or tie:
    // 18 significant digits: as doubles both are 900719925474.0000 and would tie.
    await createBillingPeriod(db, ids.acme, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '900719925474.000002' });
    await createBillingPeriod(db, ids.big, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '900719925474.000001' });
    await createBillingPeriod(db, ids.sao, { periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '0.1' });
    await createBillingPeriod(db, ids.sao, { periodStart: '2026-03-15T00:00:00Z', periodEnd: '2026-04-01T00:00:00Z', totalAmount: '0.2' });
    // Two periods and three calls: neither multiplies the other.
    await createCalls(db, ids.sao, [{ startedAt: '2026-03-02T00:00:00Z' }, { startedAt: '2026-03-03T00:00:00Z' }, { startedAt: '2026-03-04T00:00:00Z' }]);
    await createCalls(db, ids.trial, [{ startedAt: '2026-03-05T00:00:00Z' }]);
    const passwordHash = bcrypt.hashSync('irrelevant', 4);
    const a = await db.user.create({ data: { email: 'admin@example.com', passwordHash, isPlatformAdmin: true } });
    const o = await db.user.create({ data: { email: 'owner@example.com', passwordHash } });
    await db.membership.create({ data: { userId: o.id, workspaceId: ids.acme!, role: 'owner' } });
    admin = { id: a.id, email: a.email, isPlatformAdmin: true };
    owner = { id: o.id, email: o.email };
  });
  afterAll(() => t?.dispose());

  const names = (rows: { name: string }[]) => rows.map((row) => row.name);

  it('sorts by revenue exactly, largest first by default; ties by name', async () => {
    const { rows, total } = await getWorkspaceDirectory(t.db, MARCH, { q: '', sort: 'revenue', order: 'desc' });
    expect(total).toBe(4);
    expect(rows.map((row) => [row.name, row.revenue])).toEqual([
      ['Acme', '900719925474.000002'],
      ['Big Corp', '900719925474.000001'],
      ['São Paulo Clínica', '0.300000'],
      ['Trial Co', '0.000000'],
    ]);
    const ascending = await getWorkspaceDirectory(t.db, MARCH, { q: '', sort: 'revenue', order: 'asc' });
    expect(names(ascending.rows)).toEqual(['Trial Co', 'São Paulo Clínica', 'Big Corp', 'Acme']);
  });

  it('sorts by calls, MRR, tier, status and name', async () => {
    const sorted = (sort: 'calls' | 'mrr' | 'tier' | 'status' | 'name', order: 'asc' | 'desc') =>
      getWorkspaceDirectory(t.db, MARCH, { q: '', sort, order }).then((d) => names(d.rows));
    expect(await sorted('calls', 'desc')).toEqual(['São Paulo Clínica', 'Trial Co', 'Acme', 'Big Corp']);
    // MRR: active only; 1200 / 12 = 100 > 99.99; past-due and trialing add nothing (ties by name).
    expect(await sorted('mrr', 'desc')).toEqual(['Big Corp', 'Acme', 'São Paulo Clínica', 'Trial Co']);
    expect(await sorted('tier', 'asc')).toEqual(['Big Corp', 'Acme', 'São Paulo Clínica', 'Trial Co']);
    expect(await sorted('status', 'asc')).toEqual(['Acme', 'Big Corp', 'São Paulo Clínica', 'Trial Co']);
    expect(await sorted('name', 'desc')).toEqual(['Trial Co', 'São Paulo Clínica', 'Big Corp', 'Acme']);
  });

  it('searches name, slug, tier and status, ignoring case and accents', async () => {
    const search = (q: string) => getWorkspaceDirectory(t.db, MARCH, { q, sort: 'name', order: 'asc' });
    expect(names((await search('sao paulo')).rows)).toEqual(['São Paulo Clínica']);
    expect(names((await search('CLINICA')).rows)).toEqual(['São Paulo Clínica']);
    expect(names((await search('annual')).rows)).toEqual(['Big Corp']);
    expect(names((await search('trialing')).rows)).toEqual(['Trial Co']);
    // The status as the table shows it ("Past due") finds it, as does the stored past_due.
    expect(names((await search('past due')).rows)).toEqual(['São Paulo Clínica']);
    expect(names((await search('past_due')).rows)).toEqual(['São Paulo Clínica']);
    expect(names((await search('  acme ')).rows)).toEqual(['Acme']);
    // Wildcards are text, not patterns.
    const none = await search('%');
    expect(none.rows).toEqual([]);
    expect(none.total).toBe(4);
  });

  describe('GET /api/admin/workspaces', () => {
    const get = (query: string, user: TestUser | null) => call(GET, `/api/admin/workspaces${query ? `?${query}` : ''}`, {}, user);

    it('answers the searched and sorted list to a platform admin, money as exact strings', async () => {
      const result = await get(`${MARCH_QUERY}&sort=calls&order=desc&q=co`, admin);
      expect(result.status).toBe(200);
      const body = adminWorkspacesResponse.parse(result.body);
      expect(body.range).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' });
      expect(body).toMatchObject({ q: 'co', sort: 'calls', order: 'desc', total: 4 });
      expect(body.workspaces.map((w) => [w.name, w.calls, w.revenue, w.mrr])).toEqual([
        ['Trial Co', 1, '0.000000', '0.000000'],
        ['Big Corp', 0, '900719925474.000001', '100.000000'],
      ]);
    });

    it('defaults to revenue, largest first', async () => {
      const body = adminWorkspacesResponse.parse((await get(MARCH_QUERY, admin)).body);
      expect(body.sort).toBe('revenue');
      expect(body.order).toBe('desc');
      expect(body.workspaces[0]!.workspaceId).toBe(ids.acme);
    });

    it('refuses a workspace owner with 403 and a signed-out caller with 401', async () => {
      const forbidden = await get(MARCH_QUERY, owner);
      expect(forbidden.status).toBe(403);
      expect(errorResponseSchema.parse(forbidden.body).error.code).toBe('forbidden');
      expect((await get(MARCH_QUERY, null)).status).toBe(401);
    });

    it.each([
      ['sort=revenue_desc', 'sort'],
      ['order=up', 'order'],
      ['sort=calls&sort=mrr', 'sort'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['period=decade', 'period'],
      ['from=2026-03-01', 'to'],
      ['timeZone=Mars/Olympus', 'timeZone'],
    ])('answers 400 naming the parameter for %s', async (query, param) => {
      const result = await get(query, admin);
      expect(result.status).toBe(400);
      expect(errorResponseSchema.parse(result.body).error.param).toBe(param);
    });
  });
});
