import { describe, expect, it, beforeAll } from 'vitest';
import { getWorkspaceOverview, resolveRange } from '@/lib/analytics';
import { CLI_ACTOR } from '@/lib/audit';
import { createConnector, listConnectors, listDeliveries, rotateConnectorSecret, setConnectorDisabled } from '@/lib/connectors/store';
import { signRetell } from '@/lib/connectors/verify';
import type { Db } from '@/lib/db';
import { withSeededWorld } from '../api/fixtures';
import { deliver } from './helpers';
import * as f from './fixtures';

let db: Db;
const ws: Record<'vapi' | 'retell' | 'bland', string> = { vapi: '', retell: '', bland: '' };
const connectors: Record<'vapi' | 'retell' | 'bland', { id: string; secret: string }> = { vapi: { id: '', secret: '' }, retell: { id: '', secret: '' }, bland: { id: '', secret: '' } };
const RETELL_KEY = 'key_retell_test_0123456789abcdef';

withSeededWorld((t) => {
  db = t.db;
});

beforeAll(async () => {
  // One workspace per platform (UTC, tier markup 1.3), so each set's figures stand alone.
  for (const platform of ['vapi', 'retell', 'bland'] as const) {
    const w = await db.workspace.create({ data: { name: `Hooks ${platform}`, slug: `hooks-${platform}`, timezone: 'UTC', status: 'active', subscriptionTier: 'pro' } });
    ws[platform] = w.id;
    const created = await createConnector(db, { workspaceId: w.id, platform, secret: platform === 'retell' ? RETELL_KEY : undefined, actor: CLI_ACTOR });
    connectors[platform] = { id: created.connector.id, secret: created.secret };
  }
});

const day = () => resolveRange({ fromDate: '2026-11-10', toDate: '2026-11-10' }, 'UTC', new Date('2026-12-01T00:00:00Z'));

async function figures(workspaceId: string) {
  const o = await getWorkspaceOverview(db, { workspaceId }, day());
  const providerCost = await db.usageRecord.aggregate({ where: { workspaceId }, _sum: { totalCost: true } });
  return {
    calls: o.calls.total,
    completed: o.calls.completed,
    failed: o.calls.failed,
    totalMinutes: o.calls.totalMinutes,
    successRate: o.performance.successRate,
    avgResponseTime: o.performance.avgResponseTime,
    sentiment: o.performance.sentiment,
    billed: o.cost.total,
    byProvider: o.cost.byProvider,
    providerCost: providerCost._sum.totalCost?.toFixed(6),
  };
}

const send = (platform: 'vapi' | 'retell' | 'bland', body: unknown, options?: Parameters<typeof deliver>[4]) => deliver(platform, connectors[platform].id, connectors[platform].secret, body, options);

describe('Vapi deliveries', () => {
  it('fill the dashboard: duplicates, reorders and ignorable messages included', async () => {
    const results = [];
    for (const body of [f.vapiRinging3, f.vapiReport1, f.vapiLateStatus1, f.vapiReport2, f.vapiReport3, f.vapiReport4, f.vapiReport1, f.vapiTranscript]) {
      const r = await send('vapi', body);
      expect(r.status).toBe(200);
      results.push(r.body.status);
    }
    expect(results).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'duplicate', 'ignored']);

    expect(await figures(ws.vapi)).toEqual({
      calls: 4,
      completed: 2,
      failed: 1,
      totalMinutes: 268 / 60,
      successRate: 50,
      avgResponseTime: 812,
      sentiment: { positive: 0, neutral: 0, negative: 0 },
      billed: '0.473650',
      byProvider: { twilio: '0.038740', deepgram: '0.046410', openai: '0.017480', '11labs': '0.065520', vapi: '0.305500' },
      providerCost: '0.364346',
    });
    const call1 = await db.call.findFirst({ where: { workspaceId: ws.vapi, externalId: 'vapi-call-1' }, include: { agent: true, usageRecords: true } });
    expect(call1).toMatchObject({ source: 'vapi', status: 'completed', durationSeconds: 211, direction: 'outbound', callerNumber: '+15550001111', endedReason: 'customer-ended-call' });
    // First seen in a status-update without a name; the report's name replaces the placeholder.
    expect(call1!.agent).toMatchObject({ externalId: 'asst-1', source: 'vapi', name: 'Reception' });
    expect(call1!.metadata).toMatchObject({ summary: 'Caller rescheduled a cleaning to Friday.', success_evaluation: 'true', ended_reason: 'customer-ended-call' });
    // Usage cost equals the payload's, item by item, to the micro-dollar.
    expect(call1!.usageRecords.map((u) => u.totalCost.toFixed(6)).sort()).toEqual(['0.001100', '0.012346', '0.029800', '0.035700', '0.050400', '0.175000']);
    expect(call1!.costTotal.toFixed(6)).toBe('0.395650');
    const web = await db.call.findFirst({ where: { workspaceId: ws.vapi, externalId: 'vapi-call-2' } });
    expect(web).toMatchObject({ direction: 'inbound', callerNumber: null, status: 'completed' });
  });

  it('accepts Authorization: Bearer too; refuses a wrong secret before parsing anything', async () => {
    const ok = await send('vapi', f.vapiReport4, { headers: { 'x-vapi-secret': null, authorization: `Bearer ${connectors.vapi.secret}` } });
    expect(ok).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    const bad = await send('vapi', 'this is not even JSON', { headers: { 'x-vapi-secret': 'wrong-secret-wrong-secret' } });
    expect(bad).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });
});

describe('Retell deliveries', () => {
  it('call_analyzed before call_started, call_ended twice, a never-connected call: three calls, exact cents', async () => {
    const results = [];
    for (const body of [f.retellAnalyzed1, f.retellStarted1, f.retellEnded1, f.retellEnded2, f.retellAnalyzed2, f.retellAnalyzed3, f.retellEnded1]) {
      const r = await send('retell', body);
      expect(r.status).toBe(200);
      results.push(r.body.status);
    }
    expect(results).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'duplicate']);
    expect(await figures(ws.retell)).toEqual({
      calls: 3,
      completed: 2,
      failed: 0,
      totalMinutes: 185 / 60,
      successRate: 200 / 3,
      avgResponseTime: 1025,
      sentiment: { positive: 50, neutral: 0, negative: 50 },
      billed: '0.205829',
      byProvider: { elevenlabs: '0.094250', openai: '0.006500', retell: '0.105079' },
      providerCost: '0.158330',
    });
    const call1 = await db.call.findFirst({ where: { workspaceId: ws.retell, externalId: 'retell-call-1' }, include: { usageRecords: true } });
    // call_ended and call_analyzed both carried the costs: replaced, never added.
    expect(call1!.usageRecords).toHaveLength(3);
    expect(call1).toMatchObject({ status: 'completed', sentiment: 'positive', durationSeconds: 125, avgResponseMs: 950, startedAt: new Date('2026-11-10T14:40:00Z') });
    const never = await db.call.findFirst({ where: { workspaceId: ws.retell, externalId: 'retell-call-2' } });
    expect(never).toMatchObject({ status: 'no_answer', sentiment: null, direction: 'outbound', callerNumber: '+14155550222' });
  });

  it('refuses a stale timestamp, a wrong key and a body altered after signing', async () => {
    const body = JSON.stringify(f.retellAnalyzed3);
    const stale = signRetell(body, RETELL_KEY, Date.now() - 6 * 60_000);
    expect((await send('retell', body, { headers: stale })).status).toBe(401);
    expect((await deliver('retell', connectors.retell.id, 'key_someone_elses_0123456789', body)).status).toBe(401);
    const signed = signRetell(body, RETELL_KEY);
    const altered = body.replace('"agent_hangup"', '"user_hangup"');
    expect((await send('retell', altered, { headers: signed })).status).toBe(401);
    const deliveries = await listDeliveries(db, ws.retell, connectors.retell.id);
    expect(deliveries.slice(0, 3).map((d) => [d.result, d.reason])).toEqual([
      ['rejected', 'signature: signature does not match'],
      ['rejected', 'signature: signature does not match'],
      ['rejected', 'signature: timestamp more than 5 minutes off'],
    ]);
  });
});

describe('Bland deliveries', () => {
  it('one call object per call; a re-sent call with its keys reordered replaces its usage line', async () => {
    for (const body of [f.blandCall1, f.blandCall2, f.blandCall3]) expect((await send('bland', body)).body.status).toBe('accepted');
    const reordered = Object.fromEntries(Object.entries(f.blandCall1).reverse());
    expect((await send('bland', reordered)).body.status).toBe('accepted');
    expect(await figures(ws.bland)).toEqual({
      calls: 3,
      completed: 1,
      failed: 1,
      totalMinutes: 125 / 60,
      successRate: 100 / 3,
      avgResponseTime: 0,
      sentiment: { positive: 0, neutral: 0, negative: 0 },
      billed: '0.243750',
      byProvider: { bland: '0.243750' },
      providerCost: '0.187500',
    });
    expect(await db.usageRecord.count({ where: { workspaceId: ws.bland } })).toBe(3);
  });

  it('a wrong signature is 401', async () => {
    expect((await send('bland', f.blandCall1, { headers: { 'x-webhook-signature': 'ab'.repeat(32) } })).status).toBe(401);
  });
});

describe('the webhook route', () => {
  it('answers 4xx for malformed JSON, oversized bodies, unknown connectors, and 2xx "rejected" for unmappable payloads', async () => {
    const bad = await send('bland', '{"call_id": ');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_request', param: 'body' } } });
    const big = await send('bland', JSON.stringify({ call_id: 'x', pad: 'x'.repeat(1024 * 1024) }));
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    const unmappable = await send('bland', { inbound: true, price: 'free' });
    expect(unmappable).toMatchObject({ status: 200, body: { status: 'rejected', reason: 'call_id: missing' } });
    expect((await deliver('bland', '00000000-0000-4000-8000-000000000000', 'whatever-secret-123', f.blandCall1)).status).toBe(404);
    expect((await deliver('vapi', connectors.bland.id, connectors.bland.secret, f.blandCall1)).status).toBe(404); // platform must match
    const deliveries = await listDeliveries(db, ws.bland, connectors.bland.id, 3);
    expect(deliveries.map((d) => [d.result, d.reason])).toEqual([
      ['rejected', 'call_id: missing'],
      ['rejected', 'body: not valid JSON'],
      ['rejected', 'signature: signature does not match'],
    ]);
  });

  it('a disabled connector answers 404; rotation keeps the old secret valid for 24 h', async () => {
    const { id, secret: old } = connectors.bland;
    await setConnectorDisabled(db, { workspaceId: ws.bland, connectorId: id, disabled: true, actor: CLI_ACTOR });
    expect((await send('bland', f.blandCall2)).status).toBe(404);
    await setConnectorDisabled(db, { workspaceId: ws.bland, connectorId: id, disabled: false, actor: CLI_ACTOR });
    const rotated = await rotateConnectorSecret(db, { workspaceId: ws.bland, connectorId: id, actor: CLI_ACTOR });
    expect(rotated!.secret).not.toBe(old);
    expect((await deliver('bland', id, old, f.blandCall2)).body.status).toBe('duplicate');
    expect((await deliver('bland', id, rotated!.secret, f.blandCall2)).body.status).toBe('duplicate');
    // 24 h after the rotation the old secret stops working.
    await db.connector.update({ where: { workspaceId_id: { workspaceId: ws.bland, id } }, data: { secretRotatedAt: new Date(Date.now() - 24 * 3600_000 - 1000) } });
    expect((await deliver('bland', id, old, f.blandCall2)).status).toBe(401);
    expect((await deliver('bland', id, rotated!.secret, f.blandCall2)).status).toBe(200);
    const audit = await db.auditLog.findMany({ where: { workspaceId: ws.bland, targetId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['connector.created', 'connector.disabled', 'connector.enabled', 'connector.secret_rotated']);
    expect(JSON.stringify(audit)).not.toContain(rotated!.secret);
  });

  it('counts the last 24 h per connector', async () => {
    const [summary] = await listConnectors(db, ws.retell);
    expect(summary).toMatchObject({ platform: 'retell', last24h: { accepted: 7, rejected: 3, ignored: 0 } });
    expect(summary!.lastDeliveryAt).toBeInstanceOf(Date);
    expect(summary!.path).toBe(`/api/v1/webhooks/retell/${connectors.retell.id}`);
  });
});
