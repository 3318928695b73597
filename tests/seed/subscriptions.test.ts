import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlatformOverview } from '@/lib/analytics';
import { getPlatformStateAt } from '@/lib/admin/platform-state-at';
import { addMonths, getMrrReport, monthOf } from '@/lib/analytics/subscriptions';
import { seedDatabase } from '@/prisma/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const NOW = new Date('2026-11-20T15:30:00Z');

describe('demo subscription history', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.connection, { calls: 1500, seed: 7, now: NOW, healthDays: 1 });
  });
  afterAll(() => t?.dispose());

  it('ends in every workspace’s current state, never after the anchor', async () => {
    const rows = await t.db.$queryRaw<{ id: string; status: string; tier: string | null; last_status: string; last_tier: string | null; last_at: Date; first_at: Date; created_at: Date; cancelled_at: Date | null }[]>`
      SELECT w.id::text, w.status::text, w.subscription_tier AS tier, w.created_at, w.cancelled_at,
             l.to_status::text AS last_status, l.to_tier AS last_tier, l.occurred_at AS last_at,
             (SELECT min(occurred_at) FROM subscription_history h WHERE h.workspace_id = w.id) AS first_at
      FROM workspaces w
      JOIN LATERAL (SELECT * FROM subscription_history h WHERE h.workspace_id = w.id ORDER BY occurred_at DESC LIMIT 1) l ON TRUE`;
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      expect([r.id, r.last_status, r.last_tier]).toEqual([r.id, r.status, r.tier]);
      expect(r.first_at.getTime()).toBe(r.created_at.getTime());
      expect(r.last_at.getTime()).toBeLessThan(NOW.getTime());
      if (r.status === 'cancelled') expect(r.last_at.getTime()).toBe(r.cancelled_at!.getTime());
    }
  });

  it('is realistic: trials converting, upgrades, downgrades, churn and reactivation all occur', async () => {
    const kinds = await t.db.$queryRaw<{ kind: string }[]>`SELECT DISTINCT kind FROM subscription_history`;
    for (const kind of ['created', 'trial_converted', 'tier_changed', 'cancelled']) expect(kinds.map((k) => k.kind)).toContain(kind);
    const report = await getMrrReport(t.db, { from: addMonths(monthOf(NOW, 'UTC'), -13), to: monthOf(NOW, 'UTC'), timeZone: 'UTC' });
    const total = (key: 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation') => report.months.reduce((s, m) => s + Number(m[key]), 0);
    for (const key of ['new', 'expansion', 'contraction', 'churn'] as const) expect(total(key)).toBeGreaterThan(0);
  });

  it('its MRR now is the overview’s MRR (current rows), and movements chain month to month', async () => {
    const [state, overview] = await Promise.all([
      getPlatformStateAt(t.db, NOW),
      getPlatformOverview(t.db, { from: new Date(NOW.getTime() - 30 * 86_400_000), to: NOW, timeZone: 'UTC' }),
    ]);
    expect(state.mrr).toBe(overview.mrr);
    expect(state.activeWorkspaces).toBe(overview.activeWorkspaces);
    const { months } = await getMrrReport(t.db, { from: '2025-09', to: '2026-11', timeZone: 'UTC' });
    months.slice(1).forEach((m, i) => expect(m.starting).toBe(months[i]!.ending));
    expect(months.at(-1)!.ending).toBe(overview.mrr);
  });

  it('is deterministic', async () => {
    const before = await t.db.$queryRaw<{ h: string }[]>`SELECT md5(string_agg(workspace_id::text || occurred_at::text || kind || mrr_after::text, ',' ORDER BY id)) AS h FROM subscription_history`;
    await seedDatabase(t.connection, { calls: 1500, seed: 7, now: NOW, healthDays: 1 });
    const after = await t.db.$queryRaw<{ h: string }[]>`SELECT md5(string_agg(workspace_id::text || occurred_at::text || kind || mrr_after::text, ',' ORDER BY id)) AS h FROM subscription_history`;
    expect(after).toEqual(before);
  });
});
