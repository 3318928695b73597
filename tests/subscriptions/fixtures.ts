import type { Db } from '@/lib/db';

/**
 * A hand-built platform for the MRR figures (tiers starter 50/month, pro 200/month,
 * annual 1200/year = 100/month), every event written straight into subscription_history
 * so each expected figure can be read off this file. Workspaces are created trialing with
 * no tier on 2025-12-01 (their automatic first entry adds nothing).
 *
 *   W1 new starter 2026-01-10; pro 03-05 (+150), back to starter 03-20 (−150): both in March
 *   W2 new pro 2026-01-15; cancelled 02-10 (−200); reactivated on starter 04-03 (+50)
 *   W3 new annual 2026-02-01T00:00Z exactly (100/month): Feb in UTC, Jan 31 in New York
 *   W4 trial from 2026-01-20 (nothing); converts late, 04-25, on pro (+200 new)
 *   W5 new starter 2026-01-05; cancelled 2026-04-01T00:00Z exactly: April in UTC, March in New York
 *   W6 new starter 2026-02-15; pro 04-10 (+150)
 */
export const W = {
  w1: '00000000-0000-4000-8000-000000000001',
  w2: '00000000-0000-4000-8000-000000000002',
  w3: '00000000-0000-4000-8000-000000000003',
  w4: '00000000-0000-4000-8000-000000000004',
  w5: '00000000-0000-4000-8000-000000000005',
  w6: '00000000-0000-4000-8000-000000000006',
} as const;

type Row = [workspace: keyof typeof W, at: string, kind: string, status: 'active' | 'trialing' | 'cancelled', tier: string | null, mrr: string];

export const EVENTS: Row[] = [
  ['w1', '2026-01-10T12:00:00Z', 'trial_converted', 'active', 'starter', '50'],
  ['w1', '2026-03-05T12:00:00Z', 'tier_changed', 'active', 'pro', '200'],
  ['w1', '2026-03-20T12:00:00Z', 'tier_changed', 'active', 'starter', '50'],
  ['w2', '2026-01-15T12:00:00Z', 'trial_converted', 'active', 'pro', '200'],
  ['w2', '2026-02-10T12:00:00Z', 'cancelled', 'cancelled', 'pro', '0'],
  ['w2', '2026-04-03T12:00:00Z', 'reactivated', 'active', 'starter', '50'],
  ['w3', '2026-02-01T00:00:00Z', 'trial_converted', 'active', 'annual', '100'],
  ['w4', '2026-01-20T12:00:00Z', 'trial_started', 'trialing', 'pro', '0'],
  ['w4', '2026-04-25T12:00:00Z', 'trial_converted', 'active', 'pro', '200'],
  ['w5', '2026-01-05T12:00:00Z', 'trial_converted', 'active', 'starter', '50'],
  ['w5', '2026-04-01T00:00:00Z', 'cancelled', 'cancelled', 'starter', '0'],
  ['w6', '2026-02-15T12:00:00Z', 'trial_converted', 'active', 'starter', '50'],
  ['w6', '2026-04-10T12:00:00Z', 'tier_changed', 'active', 'pro', '200'],
];

export async function seedHandBuiltHistory(db: Db): Promise<void> {
  await db.subscriptionTier.createMany({
    data: [
      { tierName: 'starter', monthlyFee: '50' },
      { tierName: 'pro', monthlyFee: '200' },
      { tierName: 'annual', monthlyFee: '1200', billingInterval: 'year' },
    ],
  });
  for (const [key, id] of Object.entries(W)) {
    await db.workspace.create({ data: { id, name: key.toUpperCase(), slug: key, status: 'trialing', createdAt: new Date('2025-12-01T00:00:00Z') } });
  }
  const last = new Map<string, string>();
  await db.subscriptionHistory.createMany({
    data: EVENTS.map(([key, at, kind, status, tier, mrr]) => {
      const before = last.get(key) ?? '0';
      last.set(key, mrr);
      return { workspaceId: W[key], occurredAt: new Date(at), kind, toStatus: status, toTier: tier, mrrBefore: before, mrrAfter: mrr, actorLabel: 'test' };
    }),
  });
}
