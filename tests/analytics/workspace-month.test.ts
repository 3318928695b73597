import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWorkspaceRangeTotals, resolveRange } from '@/lib/analytics';
import { collationLocale, contains, listWorkspaceCards } from '@/lib/workspaces/directory';
import { createCall, createUsage, createWorkspace } from './fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

describe('workspace list: this month per workspace', () => {
  let t: TestDatabase;
  let a: string;
  let b: string;
  let kolkata: string;
  let member: { userId: string; email: string; name: null; isPlatformAdmin: boolean };
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase();
    a = await createWorkspace(t.db, { name: 'Zahnarzt 10' });
    b = await createWorkspace(t.db, { name: 'Other tenant' });
    kolkata = await createWorkspace(t.db, { name: 'Ärzte Nord', timezone: 'Asia/Kolkata' });
    await createWorkspace(t.db, { name: 'zahnarzt 2' }).then(async (id) => {
      const user = await t.db.user.create({ data: { email: 'm@example.test', passwordHash: 'x' } });
      member = { userId: user.id, email: user.email, name: null, isPlatformAdmin: false };
      for (const workspaceId of [a, kolkata, id]) await t.db.membership.create({ data: { userId: user.id, workspaceId, role: 'member' } });
    });
    // A: 2 calls and $3.50 in March (UTC), 1 call and $9 in February.
    await createCall(t.db, a, { startedAt: '2026-03-01T00:00:00Z' });
    await createCall(t.db, a, { startedAt: '2026-03-10T11:59:00Z' });
    await createCall(t.db, a, { startedAt: '2026-02-28T23:59:59Z' });
    await createUsage(t.db, a, { createdAt: '2026-03-02T10:00:00Z', finalCost: '1.25' });
    await createUsage(t.db, a, { createdAt: '2026-03-09T10:00:00Z', finalCost: '2.25' });
    await createUsage(t.db, a, { createdAt: '2026-02-20T10:00:00Z', finalCost: '9' });
    // Kolkata's March starts at 2026-02-28T18:30Z: this call is in its March.
    await createCall(t.db, kolkata, { startedAt: '2026-02-28T19:00:00Z' });
    // B is another tenant: never read when not asked for.
    await createCall(t.db, b, { startedAt: '2026-03-05T00:00:00Z' });
    await createUsage(t.db, b, { createdAt: '2026-03-05T00:00:00Z', finalCost: '100' });
  });
  afterAll(() => t?.dispose());

  it('sums calls and billed spend of the range for the workspaces named, and only those', async () => {
    const march = resolveRange({ calendar: 'this_month' }, 'UTC', now);
    const totals = await getWorkspaceRangeTotals(t.db, [a], march);
    expect([...totals]).toEqual([[a, { calls: 2, spend: '3.500000' }]]);
    expect((await getWorkspaceRangeTotals(t.db, [], march)).size).toBe(0);
    expect((await getWorkspaceRangeTotals(t.db, ['not-a-uuid'], march)).size).toBe(0);
  });

  it("lists a member's workspaces only, each with its own zone's month, sorted by collation", async () => {
    const { all, cards } = await listWorkspaceCards(t.db, member, { q: '', locale: 'de', now });
    expect(all).toBe(3);
    // Ä sorts with A; numeric collation puts 2 before 10; case is not an ordering key.
    expect(cards.map((c) => c.name)).toEqual(['Ärzte Nord', 'zahnarzt 2', 'Zahnarzt 10']);
    expect(cards.find((c) => c.id === a)!.month).toEqual({ calls: 2, spend: '3.500000' });
    expect(cards.find((c) => c.id === kolkata)!.month).toEqual({ calls: 1, spend: '0.000000' });
    expect(cards.some((c) => c.id === b)).toBe(false);
  });

  it('searches names ignoring case and accents', async () => {
    expect((await listWorkspaceCards(t.db, member, { q: 'arzte', locale: 'en', now })).cards.map((c) => c.name)).toEqual(['Ärzte Nord']);
    expect((await listWorkspaceCards(t.db, member, { q: 'ZAHN', locale: 'en', now })).cards).toHaveLength(2);
    expect((await listWorkspaceCards(t.db, member, { q: 'Other', locale: 'en', now })).cards).toEqual([]);
    expect(contains('Café Léa', 'cafe lea', 'fr')).toBe(true);
  });

  it('collates in the first language of Accept-Language that Intl knows', () => {
    expect(collationLocale('sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv-SE');
    expect(collationLocale(null)).toBe('en');
    expect(collationLocale('*, not a tag!!')).toBe('en');
  });
});
