import type { SeedSession } from './bulk-load';
import { csvField } from './bulk-load';
import { createRandom, makeId } from './random';

/**
 * The demo subscription history: for every workspace already seeded, a realistic past
 * that ends exactly in its current row (status, tier, cancelled_at): a trial at creation
 * that converts (or lapses), upgrades and downgrades along the way, some churn followed by
 * a win-back, payment trouble that recovers, and for the cancelled ones a cancellation
 * with a reason at `cancelled_at`. Reads the workspaces and tiers from the database, so it
 * works whatever sizing the organisation step used. Deterministic for a seed and anchor.
 */

const DAY = 86_400_000;
const TIER_LADDER = ['starter', 'growth', 'business'];
const CANCEL_REASONS = ['too expensive', 'moved to a competitor', 'project ended', 'missing integration', 'company closed'];
const COLUMNS = ['id', 'workspace_id', 'occurred_at', 'kind', 'from_status', 'to_status', 'from_tier', 'to_tier', 'mrr_before', 'mrr_after', 'actor_label', 'reason', 'created_at'];

type Status = 'active' | 'trialing' | 'past_due' | 'cancelled';
type State = { status: Status; tier: string | null };
type WorkspaceRow = { id: string; status: Status; tier: string | null; createdMs: number; cancelledMs: number | null };

/** Micro-dollars, so the demo MRR is exact: yearly fees / 12 rounded half up to 6 places. */
function monthlyMicros(fee: string, interval: string): bigint {
  const [whole, frac = ''] = fee.split('.');
  const micros = BigInt(whole!) * 1_000_000n + BigInt((frac + '000000').slice(0, 6));
  return interval === 'year' ? (micros + 6n) / 12n : micros;
}

const money = (micros: bigint) => `${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, '0')}`;

export async function seedSubscriptionHistory(session: SeedSession, options: { seed: number; nowMs: number }): Promise<number> {
  const rand = createRandom(options.seed ^ 0x19_19_19);
  const tiers = new Map(
    (await session.query(`SELECT tier_name, monthly_fee::text AS fee, billing_interval::text AS interval FROM subscription_tiers`)).map((t) => [
      String(t.tier_name),
      monthlyMicros(String(t.fee), String(t.interval)),
    ]),
  );
  const workspaces: WorkspaceRow[] = (
    await session.query(`SELECT id::text, status::text, subscription_tier, created_at, cancelled_at FROM workspaces ORDER BY id`)
  ).map((w) => ({
    id: String(w.id),
    status: String(w.status) as Status,
    tier: w.subscription_tier === null ? null : String(w.subscription_tier),
    createdMs: new Date(w.created_at as string).getTime(),
    cancelledMs: w.cancelled_at === null ? null : new Date(w.cancelled_at as string).getTime(),
  }));
  const mrrOf = (state: State) => (state.status === 'active' && state.tier ? (tiers.get(state.tier) ?? 0n) : 0n);
  const ladder = TIER_LADDER.filter((t) => tiers.has(t));

  // Workspaces were inserted with one automatic entry each (the migration's trigger);
  // the demo replaces them with a full past.
  await session.query('TRUNCATE subscription_history');
  const lines: string[] = [];
  let counter = 0;
  for (const ws of workspaces) {
    const endMs = Math.min(ws.cancelledMs ?? options.nowMs, options.nowMs);
    let state: State = { status: 'trialing', tier: null };
    let lastMs = ws.createdMs - 1;
    const push = (atMs: number, kind: string, next: State, reason: string | null = null) => {
      // Strictly increasing per workspace, never after the anchor: the order is the instant's.
      const at = Math.min(Math.max(Math.round(atMs), lastMs + 1), options.nowMs - 1);
      lastMs = at;
      const iso = new Date(at).toISOString();
      lines.push([
        makeId(0xa019, ++counter), ws.id, iso, kind, kind === 'created' ? '' : state.status, next.status,
        kind === 'created' ? '' : csvField(state.tier), csvField(next.tier), money(kind === 'created' ? 0n : mrrOf(state)), money(mrrOf(next)),
        kind === 'created' ? 'system' : 'billing', csvField(reason), iso,
      ].join(','));
      state = next;
    };

    // The tier the workspace starts its trial on: a step below its tier now (it upgraded),
    // a step above (it downgraded), or the same; yearly tiers start on a monthly one.
    const target = ws.tier;
    const targetRung = target ? ladder.indexOf(target.replace(/_annual$/, '') === 'enterprise' ? 'business' : target.replace(/_annual$/, '')) : -1;
    const path: string[] = [];
    if (target && targetRung >= 0 && ladder.length > 1) {
      const roll = rand.next();
      const startRung = roll < 0.35 ? Math.max(0, targetRung - 1) : roll < 0.5 ? Math.min(ladder.length - 1, targetRung + 1) : targetRung;
      path.push(ladder[startRung]!);
      if (ladder[targetRung] !== path.at(-1)) path.push(ladder[targetRung]!);
    }
    if (target && path.at(-1) !== target) path.push(target);
    const firstTier = path[0] ?? target;

    if (ws.status === 'trialing') {
      push(ws.createdMs, 'created', { status: 'trialing', tier: target });
      continue;
    }
    push(ws.createdMs, 'created', { status: 'trialing', tier: firstTier });

    const lifeMs = endMs - ws.createdMs;
    const trialMs = Math.min(rand.int(7, 21) * DAY, lifeMs * 0.3);
    if (ws.status === 'cancelled' && lifeMs < 45 * DAY) {
      // Never converted: the trial lapsed.
      push(ws.createdMs + trialMs, 'trial_expired', { status: 'cancelled', tier: target }, 'trial ended without converting');
      continue;
    }
    push(ws.createdMs + trialMs, 'trial_converted', { status: 'active', tier: firstTier });

    // Tier changes spread over the paying life, then episodes (churn and win-back,
    // a payment that fails and recovers) in the gaps, all before the final state.
    const paidFrom = ws.createdMs + trialMs;
    const finalMs = ws.status === 'cancelled' ? endMs : ws.status === 'past_due' ? endMs - rand.int(3, 20) * DAY : endMs;
    const span = Math.max(finalMs - paidFrom, 0);
    const changes = path.slice(1);
    changes.forEach((tier, i) => {
      push(paidFrom + (span * (i + 1)) / (changes.length + 2), 'tier_changed', { status: 'active', tier });
    });
    if (span > 120 * DAY && rand.chance(0.3)) {
      const at = lastMs + (finalMs - lastMs) * 0.3;
      push(at, 'cancelled', { status: 'cancelled', tier: state.tier }, rand.pick(CANCEL_REASONS));
      push(at + rand.int(20, 50) * DAY, 'reactivated', { status: 'active', tier: state.tier });
    } else if (span > 60 * DAY && rand.chance(0.3)) {
      const at = lastMs + (finalMs - lastMs) * 0.5;
      push(at, 'past_due', { status: 'past_due', tier: state.tier });
      push(at + rand.int(3, 12) * DAY, 'payment_recovered', { status: 'active', tier: state.tier });
    }
    if (ws.status === 'cancelled') push(endMs, 'cancelled', { status: 'cancelled', tier: target }, rand.pick(CANCEL_REASONS));
    else if (ws.status === 'past_due') push(finalMs, 'past_due', { status: 'past_due', tier: target });
    else if (state.tier !== target) push(Math.max(lastMs + DAY, finalMs - DAY), 'tier_changed', { status: 'active', tier: target });
  }
  await session.copy('subscription_history', COLUMNS, lines);
  return lines.length;
}
