import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlertRules } from '@/lib/alerts';
import { breaches, compareDecimal } from '@/lib/alerts/definitions';
import { getCallAnalytics, getWindowFigures, getWorkspaceOverview } from '@/lib/analytics';
import type { Db } from '@/lib/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { addCalls, addUsage, at, minutes, rule } from './helpers';

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(() => t?.dispose());

async function workspace(slug: string, timezone: string) {
  return db.workspace.create({ data: { name: slug, slug, timezone, status: 'active' } });
}

async function stateOf(id: string) {
  return db.alertRule.findUniqueOrThrow({ where: { id } });
}

describe('decimal comparison', () => {
  it('compares exactly, exponents included', () => {
    expect(compareDecimal('20', '20.000000')).toBe(0);
    expect(compareDecimal('19.999999', '20')).toBe(-1);
    expect(compareDecimal('1e-7', '0.000001')).toBe(-1);
    expect(compareDecimal('-0.5', '0')).toBe(-1);
    expect(breaches('gte', '20', '20')).toBe(true);
    expect(breaches('gt', '20', '20')).toBe(false);
    expect(breaches('lte', '20', '20')).toBe(true);
    expect(breaches('lt', '20', '20')).toBe(false);
  });
});

describe('each metric at, just below and just above its threshold', () => {
  const now = at('2026-05-12T14:00:00Z');
  let ws: string;
  const agent = { id: '' };
  beforeAll(async () => {
    ws = (await workspace('metrics', 'America/New_York')).id;
    agent.id = (await db.voiceAgent.create({ data: { workspaceId: ws, name: 'Ava' } })).id;
    const inWindow = (i: number) => minutes(now, -50 + i);
    // 10 calls in the last hour: 7 completed, 2 failed, 1 no answer (terminal 10); 2 negative,
    // 3 positive; response 200 ms on 5 of them; plus one call just outside the window.
    await addCalls(db, ws, [
      ...Array.from({ length: 7 }, (_, i) => ({ at: inWindow(i), status: 'completed' as const, sentiment: i < 3 ? ('positive' as const) : null, responseMs: i < 5 ? 200 : null, agentId: agent.id })),
      { at: inWindow(7), status: 'failed', sentiment: 'negative', agentId: agent.id },
      { at: inWindow(8), status: 'failed', sentiment: 'negative' },
      { at: inWindow(9), status: 'no_answer' },
      { at: minutes(now, -61), status: 'failed' },
    ]);
    await addUsage(db, ws, [
      { at: minutes(now, -40), billed: '2.000000' },
      { at: minutes(now, -30), billed: '2.000000' },
      { at: minutes(now, -20), billed: '2.000000' },
      // One week earlier, same window: 4.00 → cost change +50 %.
      { at: minutes(now, -7 * 1440 - 30), billed: '4.000000' },
      { at: minutes(now, 1), billed: '9.000000' },
    ]);
  });

  const cases: [metric: string, value: number][] = [
    ['failure_rate', 20],
    ['success_rate', 70],
    ['negative_sentiment', 40],
    ['calls', 10],
    ['billed_cost', 6],
    ['avg_response_ms', 200],
    ['cost_change', 50],
  ];
  for (const [metric, value] of cases) {
    it(`${metric} = ${value}`, async () => {
      const rules = {
        atGt: await rule(db, ws, { metric, comparator: 'gt', threshold: value }, now),
        atGte: await rule(db, ws, { metric, comparator: 'gte', threshold: value }, now),
        below: await rule(db, ws, { metric, comparator: 'gt', threshold: value - 0.01 }, now),
        above: await rule(db, ws, { metric, comparator: 'gt', threshold: value + 0.01 }, now),
        aboveLt: await rule(db, ws, { metric, comparator: 'lt', threshold: value + 0.01 }, now),
        atLte: await rule(db, ws, { metric, comparator: 'lte', threshold: value }, now),
      };
      await evaluateAlertRules(db, now, { workspaceId: ws });
      const states = Object.fromEntries(await Promise.all(Object.entries(rules).map(async ([k, r]) => [k, (await stateOf(r.rule.id)).state])));
      expect(states).toEqual({ atGt: 'ok', atGte: 'firing', below: 'firing', above: 'ok', aboveLt: 'firing', atLte: 'firing' });
      expect((await stateOf(rules.atGte.rule.id)).lastValue).toBeCloseTo(value, 9);
      await db.alertRule.deleteMany({ where: { workspaceId: ws } });
    });
  }

  it('the window figures are the dashboard\'s: overview unfiltered, call analytics filtered', async () => {
    const range = { from: minutes(now, -60), to: now, timeZone: 'America/New_York' };
    const [w, o, filtered, analytics] = await Promise.all([
      getWindowFigures(db, { workspaceId: ws }, range),
      getWorkspaceOverview(db, { workspaceId: ws }, range),
      getWindowFigures(db, { workspaceId: ws }, range, { agentId: agent.id }),
      getCallAnalytics(db, { workspaceId: ws }, range, { agentId: agent.id }),
    ]);
    expect([w.total, w.failed, w.successRate, w.avgResponseTime, w.sentiment, w.billedCost]).toEqual([
      o.calls.total, o.calls.failed, o.performance.successRate, o.performance.avgResponseTime, o.performance.sentiment, o.cost.total,
    ]);
    expect([filtered.total, filtered.successRate, filtered.billedCost]).toEqual([analytics.totalCalls, analytics.successRate, analytics.callsByAgent[0]!.cost]);
  });

  it('filters narrow the calls: agent and provider', async () => {
    const byAgent = await rule(db, ws, { metric: 'calls', comparator: 'gte', threshold: 8, filters: { agent_id: agent.id } }, now);
    const byProvider = await rule(db, ws, { metric: 'calls', comparator: 'gte', threshold: 1, filters: { provider: 'vapi' } }, now);
    await evaluateAlertRules(db, now, { workspaceId: ws });
    expect((await stateOf(byAgent.rule.id)).lastValue).toBe(8);
    expect((await stateOf(byProvider.rule.id)).state).toBe('ok');
    expect((await stateOf(byProvider.rule.id)).lastValue).toBe(0);
    await db.alertRule.deleteMany({ where: { workspaceId: ws } });
  });

  it('below min_calls the rule is not evaluated: no_data, not ok, and no alert', async () => {
    const r = await rule(db, ws, { metric: 'failure_rate', comparator: 'gt', threshold: 1, min_calls: 11 }, now);
    const enough = await rule(db, ws, { metric: 'failure_rate', comparator: 'gt', threshold: 1, min_calls: 10 }, now);
    await evaluateAlertRules(db, now, { workspaceId: ws });
    expect((await stateOf(r.rule.id)).state).toBe('no_data');
    expect((await stateOf(enough.rule.id)).state).toBe('firing');
    expect(await db.alertEvent.count({ where: { ruleId: r.rule.id } })).toBe(0);
    await db.alertRule.deleteMany({ where: { workspaceId: ws } });
  });
});

describe('windows are instants: across local midnight and a DST change', () => {
  it('a 30-minute window across midnight in Kolkata holds the calls of both local days', async () => {
    const ws = (await workspace('kolkata', 'Asia/Kolkata')).id;
    // Local midnight 2026-05-13 00:00 IST = 2026-05-12T18:30Z.
    await addCalls(db, ws, [{ at: at('2026-05-12T18:20:00Z') }, { at: at('2026-05-12T18:40:00Z') }, { at: at('2026-05-12T18:10:00Z') }]);
    const r = await rule(db, ws, { metric: 'calls', comparator: 'gte', threshold: 2, window_minutes: 30 }, at('2026-05-12T18:45:00Z'));
    await evaluateAlertRules(db, at('2026-05-12T18:45:00Z'), { workspaceId: ws });
    expect((await stateOf(r.rule.id)).lastValue).toBe(2);
  });

  it('a 60-minute window across the spring-forward gap in New York holds 60 real minutes', async () => {
    const ws = (await workspace('dst', 'America/New_York')).id;
    // 2026-03-08 02:00 EST → 03:00 EDT at 07:00Z. Wall clock 01:30 → 03:20 is 50 real minutes.
    await addCalls(db, ws, [{ at: at('2026-03-08T06:30:00Z') }, { at: at('2026-03-08T06:50:00Z') }, { at: at('2026-03-08T07:10:00Z') }, { at: at('2026-03-08T06:15:00Z') }]);
    const r = await rule(db, ws, { metric: 'calls', comparator: 'gte', threshold: 3, window_minutes: 60 }, at('2026-03-08T07:20:00Z'));
    await evaluateAlertRules(db, at('2026-03-08T07:20:00Z'), { workspaceId: ws });
    expect((await stateOf(r.rule.id)).lastValue).toBe(3);
    expect((await stateOf(r.rule.id)).state).toBe('firing');
  });
});

describe('transitions and re-notify timing (injected clock)', () => {
  it('ok → firing → renotify → resolved; one outbox row per channel per transition, never twice', async () => {
    // The rule's webhook goes to loopback: allowed only with the operator's setting (SSRF guard).
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
    const ws = (await workspace('transitions', 'UTC')).id;
    const t0 = at('2026-06-01T10:00:00Z');
    await addCalls(db, ws, [{ at: minutes(t0, -10), status: 'failed' }, { at: minutes(t0, -9), status: 'completed' }]);
    const channels = [{ type: 'email', to: ['ops@example.com'] }, { type: 'webhook', url: 'http://127.0.0.1:9/hook' }];
    const r = await rule(db, ws, { metric: 'failure_rate', comparator: 'gte', threshold: 50, window_minutes: 15, renotify_minutes: 30, channels }, minutes(t0, -60));
    const id = r.rule.id;
    const keys = async () => (await db.outboxMessage.findMany({ where: { ruleId: id }, orderBy: { idempotencyKey: 'asc' } })).map((m) => m.idempotencyKey.split(':').slice(3).join(':'));

    await evaluateAlertRules(db, minutes(t0, -20), { workspaceId: ws });
    expect((await stateOf(id)).state).toBe('ok');
    expect(await keys()).toEqual([]);

    await evaluateAlertRules(db, t0, { workspaceId: ws });
    expect((await stateOf(id)).state).toBe('firing');
    expect(await keys()).toEqual(['fired:0', 'fired:1']);
    // The same minute again (a second process, a retry): nothing new.
    await evaluateAlertRules(db, minutes(t0, 0.5), { workspaceId: ws });
    await evaluateAlertRules(db, minutes(t0, 1), { workspaceId: ws });
    expect(await keys()).toEqual(['fired:0', 'fired:1']);
    // Still firing 29 minutes later: no re-notify yet; at 30 minutes: one.
    await evaluateAlertRules(db, minutes(t0, 4), { workspaceId: ws });
    await addCalls(db, ws, [{ at: minutes(t0, 20), status: 'failed' }]);
    await evaluateAlertRules(db, minutes(t0, 29), { workspaceId: ws });
    expect(await keys()).toEqual(['fired:0', 'fired:1']);
    await evaluateAlertRules(db, minutes(t0, 30), { workspaceId: ws });
    expect(await keys()).toEqual(['fired:0', 'fired:1', 'renotify:1:0', 'renotify:1:1']);
    // Recovered: more completed calls bring the failure rate under 50 %.
    await addCalls(db, ws, [{ at: minutes(t0, 31) }, { at: minutes(t0, 31) }]);
    await evaluateAlertRules(db, minutes(t0, 32), { workspaceId: ws });
    expect((await stateOf(id)).state).toBe('ok');
    expect(await keys()).toEqual(['fired:0', 'fired:1', 'renotify:1:0', 'renotify:1:1', 'resolved:0', 'resolved:1']);
    const [event] = await db.alertEvent.findMany({ where: { ruleId: id } });
    expect(event).toMatchObject({ firedAt: t0, value: 50, resolvedAt: minutes(t0, 32), resolvedReason: 'ok', notifications: 2 });
    // Firing again later is a new alert with its own keys.
    await addCalls(db, ws, [{ at: minutes(t0, 50), status: 'failed' }, { at: minutes(t0, 50), status: 'failed' }, { at: minutes(t0, 50), status: 'failed' }]);
    await evaluateAlertRules(db, minutes(t0, 51), { workspaceId: ws });
    expect(await db.alertEvent.count({ where: { ruleId: id } })).toBe(2);
    expect((await keys()).length).toBe(8);
  });

  it('firing → too few calls resolves the alert with reason no_data', async () => {
    const ws = (await workspace('nodata', 'UTC')).id;
    const t0 = at('2026-06-02T10:00:00Z');
    await addCalls(db, ws, [{ at: minutes(t0, -5), status: 'failed' }, { at: minutes(t0, -5), status: 'failed' }]);
    const r = await rule(db, ws, { metric: 'failure_rate', comparator: 'gt', threshold: 10, window_minutes: 15, min_calls: 2 }, minutes(t0, -60));
    await evaluateAlertRules(db, t0, { workspaceId: ws });
    expect((await stateOf(r.rule.id)).state).toBe('firing');
    await evaluateAlertRules(db, minutes(t0, 20), { workspaceId: ws });
    expect((await stateOf(r.rule.id)).state).toBe('no_data');
    expect(await db.alertEvent.findFirst({ where: { ruleId: r.rule.id } })).toMatchObject({ resolvedReason: 'no_data', resolvedAt: minutes(t0, 20) });
  });
});
