import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallAnalytics, resolveRange, type CallFilters } from '@/lib/analytics';
import { installConnection, Prisma } from '@/lib/db';
import { EXPORT_COLUMNS, exportCallsStream, type ExportRow } from '@/lib/reports/export';
import { GET as exportRoute } from '@/app/api/workspaces/[id]/export/route';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { apiRequest, call } from '../api/session';
import { EVIL_NAME, seedReportsWorld, type ReportsWorld } from './fixtures';
import { sumMoney } from './money';

const MARCH = 'from=2026-03-01&to=2026-03-31';
const ZONE = 'America/New_York';

describe('calls export', () => {
  let t: TestDatabase;
  let w: ReportsWorld;
  const url = (query: string) => `/api/workspaces/${w.a}/export?${query}`;
  const get = (query: string, user = w.ownerA) => call(exportRoute, url(query), { id: w.a }, user);
  const rawBytes = async (query: string) => {
    const response = await exportRoute(await apiRequest(url(query), w.ownerA), { params: Promise.resolve({ id: w.a }) });
    return new Uint8Array(await response.arrayBuffer());
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    installConnection(t.connection, t.db);
    w = await seedReportsWorld(t.db);
  });
  afterAll(() => t?.dispose());

  const csvRows = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true, record_delimiter: '\r\n' });

  async function sqlFigures(filters: Prisma.Sql) {
    const range = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, ZONE, new Date());
    const [row] = await t.db.$queryRaw<{ n: number; seconds: number; cost: string }[]>`
      SELECT count(*)::int AS n, coalesce(sum(duration_seconds), 0)::int AS seconds, coalesce(sum(cost_total), 0)::text AS cost
      FROM calls c WHERE c.workspace_id = ${w.a}::uuid AND c.started_at >= ${range.from} AND c.started_at < ${range.to} AND ${filters}`;
    return row!;
  }

  it('downloads every call of the range as RFC 4180 CSV whose count and sums equal the analytics', async () => {
    const response = await get(MARCH + '&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="calls-acme-reports-2026-03-01_2026-03-31.csv"');
    const text = response.body as string;
    // Response.text() drops the byte order mark; the bytes on the wire start with it.
    expect(Array.from((await rawBytes(MARCH)).subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('call_id,agent_id,agent_name,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);

    const rows = csvRows(text);
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    const range = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, ZONE, new Date());
    const analytics = await getCallAnalytics(t.db, { workspaceId: w.a }, range);
    expect(rows).toHaveLength(analytics.totalCalls);
    expect(rows).toHaveLength(w.marchCallsA);
    expect(new Set(rows.map((r) => r.call_id)).size).toBe(rows.length);
    const seconds = rows.reduce((sum, r) => sum + (r.duration_seconds ? Number(r.duration_seconds) : 0), 0);
    expect(seconds).toBe(Math.round(analytics.totalMinutes * 60));
    expect(sumMoney(rows.map((r) => r.cost!))).toBe(sumMoney(analytics.callsByAgent.map((a) => a.cost)));
    expect(sumMoney(rows.map((r) => r.cost!))).toBe(sumMoney([(await sqlFigures(Prisma.sql`TRUE`)).cost]));
    for (const [status, count] of Object.entries(analytics.callsByStatus)) {
      expect(rows.filter((r) => r.status === status)).toHaveLength(count);
    }
    // Workspace B's calls never leak in.
    expect(rows.some((r) => r.provider === 'beta-provider')).toBe(false);
  });

  it('applies the Calls page filters exactly as the analytics do', async () => {
    const cases: [string, CallFilters, Prisma.Sql][] = [
      [`status=completed&direction=inbound`, { status: 'completed', direction: 'inbound' }, Prisma.sql`c.status = 'completed' AND c.direction = 'inbound'`],
      [`agentId=${w.deletedAgent}&sentiment=negative`, { agentId: w.deletedAgent, sentiment: 'negative' }, Prisma.sql`c.agent_id = ${w.deletedAgent}::uuid AND c.sentiment = 'negative'`],
      [`provider=twilio`, { provider: 'twilio' }, Prisma.sql`c.voice_provider_used = 'twilio'`],
    ];
    const range = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, ZONE, new Date());
    for (const [query, filters, sql] of cases) {
      const rows = csvRows((await get(`${MARCH}&${query}`)).body);
      const analytics = await getCallAnalytics(t.db, { workspaceId: w.a }, range, filters);
      const expected = await sqlFigures(sql);
      expect(rows.length, query).toBe(analytics.totalCalls);
      expect(rows.length, query).toBe(expected.n);
      expect(rows.length, query).toBeGreaterThan(0);
      expect(sumMoney(rows.map((r) => r.cost!)), query).toBe(sumMoney([expected.cost]));
      expect(rows.reduce((s, r) => s + Number(r.duration_seconds || 0), 0), query).toBe(expected.seconds);
    }
  });

  it('keeps hostile names intact and inert: quoted, and formulas neutralised with a leading quote', async () => {
    const text = (await get(`${MARCH}&agentId=${w.evilAgent}`)).body as string;
    const rows = csvRows(text);
    expect(rows.length).toBeGreaterThan(0);
    // One record per call despite the comma, quotes and newline in the name.
    expect(rows.every((r) => r.agent_name === EVIL_NAME)).toBe(true);
    expect(text).toContain('"Smith, ""Jr""\n=HYPERLINK(""x"")"');
    // Cells that begin like a formula get a single quote.
    const all = csvRows((await get(MARCH)).body);
    expect(all.filter((r) => r.provider?.includes('cmd')).every((r) => r.provider === "'=cmd|calc")).toBe(true);
    // A plain number is not a formula: an E.164 caller imports as it is.
    const callers = all.filter((r) => r.caller?.includes('15550001'));
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.every((r) => r.caller === '+15550001')).toBe(true);
    const cells = all.flatMap((r) => [r.agent_name!, r.caller!, r.provider!]);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell))).toEqual([]);
    expect(all.every((r) => r.currency === 'USD')).toBe(true);
  });

  it('writes instants in ISO 8601 with the workspace offset at that instant, DST included', async () => {
    const rows = csvRows((await get(MARCH)).body);
    const byInstant = new Map(rows.map((r) => [new Date(r.started_at!).getTime(), r.started_at]));
    expect(byInstant.get(Date.parse('2026-03-07T14:00:00Z'))).toBe('2026-03-07T09:00:00-05:00');
    expect(byInstant.get(Date.parse('2026-03-08T13:00:00Z'))).toBe('2026-03-08T09:00:00-04:00');
    expect(byInstant.get(Date.parse('2026-03-01T05:15:00Z'))).toBe('2026-03-01T00:15:00-05:00');
    // The first instant of the month is in, the last one of February out.
    expect(rows.map((r) => r.started_at).sort()[0]).toBe('2026-03-01T00:15:00-05:00');
    for (const r of rows) expect(r.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
    expect(rows.filter((r) => r.status === 'in_progress').every((r) => r.ended_at === '' && r.duration_seconds === '')).toBe(true);
  });

  it('downloads the same calls as a JSON object (range, zone, currency, calls) with exact values, and as NDJSON', async () => {
    const response = await get(`${MARCH}&format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('calls-acme-reports-2026-03-01_2026-03-31.json');
    const file = response.body as { range: { from: string; to: string }; timeZone: string; currency: string; calls: ExportRow[] };
    expect(Object.keys(file)).toEqual(['range', 'timeZone', 'currency', 'calls']);
    expect(file).toMatchObject({ range: { from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' }, timeZone: ZONE, currency: 'USD' });
    const rows = file.calls;
    const ndjson = await get(`${MARCH}&format=ndjson`);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(ndjson.headers.get('content-disposition')).toContain('.ndjson');
    const lines = (ndjson.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as ExportRow)).toEqual(rows);
    const csv = csvRows((await get(MARCH)).body);
    expect(rows.map((r) => r.call_id)).toEqual(csv.map((r) => r.call_id));
    expect(rows.find((r) => r.agent_id === w.evilAgent)?.agent_name).toBe(EVIL_NAME);
    expect(rows.some((r) => r.provider === '=cmd|calc')).toBe(true);
    expect(rows.find((r) => r.status === 'in_progress')).toMatchObject({ duration_seconds: null, ended_at: null });
    expect(typeof rows[0]!.cost).toBe('string');
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
  });

  it('answers an empty range with a header only / an empty array', async () => {
    const csv = await get('from=2020-01-01&to=2020-01-31');
    expect(csv.status).toBe(200);
    expect(csv.body).toBe(EXPORT_COLUMNS.join(',') + '\r\n');
    const json = await get('from=2020-01-01&to=2020-01-31&format=json');
    expect((json.body as { calls: unknown[] }).calls).toEqual([]);
    expect((await get('from=2020-01-01&to=2020-01-31&format=ndjson')).body).toBe('');
  });

  it('reads in keyset batches without losing or repeating calls that share a start instant', async () => {
    const range = resolveRange({ fromDate: '2026-02-01', toDate: '2026-04-30' }, ZONE, new Date());
    const read = async (batchSize: number) => {
      const stream = exportCallsStream(t.connection, { workspaceId: w.a }, { format: 'json', range, batchSize });
      return (JSON.parse(await new Response(stream).text()) as { calls: ExportRow[] }).calls;
    };
    const small = await read(2);
    const large = await read(5000);
    expect(small.map((r) => r.call_id)).toEqual(large.map((r) => r.call_id));
    expect(new Set(small.map((r) => r.call_id)).size).toBe(small.length);
    const total = await t.db.call.count({ where: { workspaceId: w.a } });
    expect(small).toHaveLength(total);
  });

  it('stops reading when the client goes away', async () => {
    const range = resolveRange({ fromDate: '2026-02-01', toDate: '2026-04-30' }, ZONE, new Date());
    const stream = exportCallsStream(t.connection, { workspaceId: w.a }, { format: 'csv', range, batchSize: 5 });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    // On PostgreSQL the cursor holds a pooled connection until the stream is cancelled.
    const checkedOut = () => (t.connection.kind === 'postgres' ? t.connection.pool.totalCount - t.connection.pool.idleCount : 0);
    if (t.connection.kind === 'postgres') expect(checkedOut()).toBe(1);
    await reader.cancel();
    await expect(reader.closed).resolves.toBeUndefined();
    expect(checkedOut()).toBe(0);
  });

  it('accepts a period preset', async () => {
    const response = await get('period=week&format=json');
    expect(response.status).toBe(200);
    expect(Array.isArray((response.body as { calls: unknown }).calls)).toBe(true);
  });

  it('answers 400 naming the parameter, 404 for another workspace and 401 signed out', async () => {
    const cases: [string, string][] = [
      ['format=xml', 'format'],
      ['from=2026-03-31&to=2026-03-01', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['period=decade', 'period'],
      ['status=bogus', 'status'],
      ['agentId=nope', 'agentId'],
      ['format=csv&format=json', 'format'],
    ];
    for (const [query, param] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(response.body.error.param, query).toBe(param);
      expect(response.body.error.code).toBe('bad_request');
    }
    expect((await get(MARCH, w.memberB)).status).toBe(404);
    expect((await call(exportRoute, `/api/workspaces/${w.b}/export?${MARCH}`, { id: w.b }, w.ownerA)).status).toBe(404);
    expect((await call(exportRoute, url(MARCH), { id: w.a }, null)).status).toBe(401);
  });
});
