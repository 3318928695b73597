import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/api';
import { adminPeriodsQuerySchema, listAllPeriods, PERIODS_PER_PAGE } from '@/lib/billing/admin';
import { createBillingPeriod, createWorkspace } from '../analytics/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

describe('/admin/billing query string', () => {
  it('takes month, status and page; blank form fields mean "any"', () => {
    expect(parseQuery(adminPeriodsQuerySchema, {})).toEqual({ ok: true, data: { month: undefined, status: undefined, page: 1 } });
    expect(parseQuery(adminPeriodsQuerySchema, { month: '', status: '', page: '' })).toEqual({ ok: true, data: { month: undefined, status: undefined, page: 1 } });
    expect(parseQuery(adminPeriodsQuerySchema, { month: '2026-03', status: 'draft', page: '3' })).toEqual({ ok: true, data: { month: '2026-03', status: 'draft', page: 3 } });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '-1' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ page: '9999999' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
    [{ month: '2026-13' }, 'month'],
    [{ month: 'March' }, 'month'],
    [{ status: 'open' }, 'status'],
  ])('refuses %j naming %s', (input, param) => {
    const parsed = parseQuery(adminPeriodsQuerySchema, input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.param).toBe(param);
      expect(parsed.message.startsWith(`${param}: `)).toBe(true);
    }
  });
});

describe('listAllPeriods pages', () => {
  let t: TestDatabase;
  const total = PERIODS_PER_PAGE + 7;

  beforeAll(async () => {
    t = await createTestDatabase();
    // Two workspaces × 57 months in UTC, one of them Pacific (its local months start at 08:00Z).
    const utc = await createWorkspace(t.db, { name: 'Alpha' });
    const pacific = await createWorkspace(t.db, { name: 'Beta', timezone: 'America/Los_Angeles' });
    for (let i = 0; i < total; i++) {
      const start = new Date(Date.UTC(2020, i, 1));
      const end = new Date(Date.UTC(2020, i + 1, 1));
      await createBillingPeriod(t.db, utc, { periodStart: start, periodEnd: end, status: i % 2 ? 'paid' : 'finalized', totalAmount: '10' });
      if (i < 3) await createBillingPeriod(t.db, pacific, { periodStart: new Date(start.getTime() + 8 * 3_600_000), periodEnd: new Date(end.getTime() + 8 * 3_600_000), status: 'draft', totalAmount: '5' });
    }
  });
  afterAll(() => t?.dispose());

  it('splits every period into pages of 50, newest first, without gaps or repeats', async () => {
    const first = await listAllPeriods(t.db, { page: 1 });
    const second = await listAllPeriods(t.db, { page: 2 });
    expect(first).toMatchObject({ total: total + 3, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(PERIODS_PER_PAGE);
    expect(second.rows).toHaveLength(total + 3 - PERIODS_PER_PAGE);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(total + 3);
    expect(first.rows[0]!.month > second.rows.at(-1)!.month).toBe(true);
    expect((await listAllPeriods(t.db, { page: 3 })).rows).toEqual([]);
  });

  it('filters before paging, and counts what matches', async () => {
    const drafts = await listAllPeriods(t.db, { status: 'draft' });
    expect(drafts).toMatchObject({ total: 3, pageCount: 1 });
    expect(drafts.rows.map((r) => r.workspaceName)).toEqual(['Beta', 'Beta', 'Beta']);
    // The Pacific period starting 2020-01-01T08:00Z bills January in its zone.
    const january = await listAllPeriods(t.db, { month: '2020-01' });
    expect(january.rows.map((r) => [r.workspaceName, r.status])).toEqual([['Beta', 'draft'], ['Alpha', 'finalized']]);
  });
});
