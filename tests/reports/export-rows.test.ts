import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidParameterError, InvalidRangeError, resolveRange, type CallFilters } from '@/lib/analytics';
import { EXPORT_COLUMNS, exportCallsStream, type ExportFormat, type ExportRow } from '@/lib/reports/export';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// METRICS.md "Export", value by value: a handful of calls written by hand, each column's
// expected text worked out by hand (offsets of America/New_York: -05:00 until
// 2026-03-08T07:00Z, -04:00 after), so a changed column, order, offset or boundary shows.
const ZONE = 'America/New_York';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('calls export: exact rows', () => {
  let t: TestDatabase;
  let workspaceId: string;
  const march = resolveRange({ fromDate: '2026-03-01', toDate: '2026-03-31' }, ZONE, new Date('2026-06-01T00:00:00Z'));

  beforeAll(async () => {
    t = await createTestDatabase();
    const ws = await t.db.workspace.create({ data: { name: 'Exact Co', slug: 'exact-co', timezone: ZONE, status: 'active' } });
    const other = await t.db.workspace.create({ data: { name: 'Other', slug: 'other', timezone: ZONE, status: 'active' } });
    workspaceId = ws.id;
    const ava = await t.db.voiceAgent.create({ data: { workspaceId, name: 'Ava' } });
    const bo = await t.db.voiceAgent.create({ data: { workspaceId, name: 'Bo', deletedAt: new Date('2026-03-20T00:00:00Z') } });
    const base = { workspaceId, intent: null, avgResponseMs: null };
    await t.db.call.createMany({
      data: [
        // Local Feb 28 23:59:59 and Apr 1 00:00:00: just outside March.
        { ...base, id: id(7), agentId: ava.id, direction: 'inbound', status: 'completed', durationSeconds: 1, costTotal: '9.000000', startedAt: new Date('2026-03-01T04:59:59Z') },
        { ...base, id: id(8), agentId: ava.id, direction: 'inbound', status: 'completed', durationSeconds: 1, costTotal: '9.000000', startedAt: new Date('2026-04-01T04:00:00Z') },
        // Inserted before id(2) with the same start: the export orders by (started_at, id).
        { ...base, id: id(3), agentId: null, callerNumber: null, direction: 'inbound', status: 'in_progress', durationSeconds: null, costTotal: '0.500000', sentiment: null, voiceProviderUsed: null, startedAt: new Date('2026-03-10T12:00:00.250Z'), endedAt: null },
        { ...base, id: id(2), agentId: bo.id, callerNumber: '=1+2', direction: 'outbound', status: 'failed', durationSeconds: 0, costTotal: '0.000000', sentiment: 'negative', voiceProviderUsed: '@evil', startedAt: new Date('2026-03-10T12:00:00.250Z'), endedAt: new Date('2026-03-10T12:00:00.250Z') },
        { ...base, id: id(1), agentId: ava.id, callerNumber: '+15551234567', direction: 'inbound', status: 'completed', durationSeconds: 125, costTotal: '1.250000', sentiment: 'positive', voiceProviderUsed: 'twilio', startedAt: new Date('2026-03-08T06:59:59Z'), endedAt: new Date('2026-03-08T07:02:04Z') },
        { ...base, id: id(4), agentId: ava.id, callerNumber: '-2+3', direction: 'outbound', status: 'no_answer', durationSeconds: 7, costTotal: '12.000001', sentiment: 'neutral', voiceProviderUsed: 'Vapi, "EU"', startedAt: new Date('2026-04-01T03:59:59.999Z'), endedAt: new Date('2026-04-01T04:00:06.999Z') },
        { ...base, id: id(6), agentId: ava.id, callerNumber: '555-0100', direction: 'inbound', status: 'busy', durationSeconds: 3, costTotal: '0.010000', sentiment: 'neutral', voiceProviderUsed: 'vapi', startedAt: new Date('2026-03-01T05:00:00Z'), endedAt: new Date('2026-03-01T05:00:03Z') },
        // Another workspace's call in the same range never appears.
        { workspaceId: other.id, id: id(5), direction: 'inbound', status: 'completed', durationSeconds: 60, costTotal: '5.000000', startedAt: new Date('2026-03-15T12:00:00Z') },
      ],
    });
  });
  afterAll(() => t?.dispose());

  /** The March rows by hand, in export order. */
  const EXPECTED: ExportRow[] = [
    { call_id: id(6), agent_id: null, agent_name: 'Ava', caller: '555-0100', direction: 'inbound', status: 'busy', duration_seconds: 3, cost: '0.010000', currency: 'USD', sentiment: 'neutral', provider: 'vapi', started_at: '2026-03-01T00:00:00-05:00', ended_at: '2026-03-01T00:00:03-05:00' },
    { call_id: id(1), agent_id: null, agent_name: 'Ava', caller: '+15551234567', direction: 'inbound', status: 'completed', duration_seconds: 125, cost: '1.250000', currency: 'USD', sentiment: 'positive', provider: 'twilio', started_at: '2026-03-08T01:59:59-05:00', ended_at: '2026-03-08T03:02:04-04:00' },
    { call_id: id(2), agent_id: null, agent_name: 'Bo (deleted)', caller: '=1+2', direction: 'outbound', status: 'failed', duration_seconds: 0, cost: '0.000000', currency: 'USD', sentiment: 'negative', provider: '@evil', started_at: '2026-03-10T08:00:00.250-04:00', ended_at: '2026-03-10T08:00:00.250-04:00' },
    { call_id: id(3), agent_id: null, agent_name: null, caller: null, direction: 'inbound', status: 'in_progress', duration_seconds: null, cost: '0.500000', currency: 'USD', sentiment: null, provider: null, started_at: '2026-03-10T08:00:00.250-04:00', ended_at: null },
    { call_id: id(4), agent_id: null, agent_name: 'Ava', caller: '-2+3', direction: 'outbound', status: 'no_answer', duration_seconds: 7, cost: '12.000001', currency: 'USD', sentiment: 'neutral', provider: 'Vapi, "EU"', started_at: '2026-03-31T23:59:59.999-04:00', ended_at: '2026-04-01T00:00:06.999-04:00' },
  ];
  // Agent ids are generated: filled in from the database, checked against the names.
  async function expected(): Promise<ExportRow[]> {
    const agents = new Map((await t.db.voiceAgent.findMany({ where: { workspaceId } })).map((a) => [a.name, a.id]));
    return EXPECTED.map((row) => ({ ...row, agent_id: row.agent_name === null ? null : agents.get(row.agent_name.replace(' (deleted)', ''))! }));
  }

  /** The stream's chunks as text, one per pull. */
  type Options = { batchSize?: number; filters?: CallFilters; range?: typeof march };
  async function chunks(format: ExportFormat, options: Options = {}): Promise<string[]> {
    const reader = exportCallsStream(t.connection, { workspaceId }, { format, range: march, ...options }).getReader();
    // ignoreBOM: keep the byte order mark the CSV starts with.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const out: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return out;
      out.push(decoder.decode(value));
    }
  }
  const text = async (format: ExportFormat, options: Options = {}) => (await chunks(format, options)).join('');

  it('writes every call of the range as one CSV record, column by column, formulas in free text neutralised', async () => {
    const rows = await expected();
    const csv = await text('csv');
    // Free-text cells that begin like a formula get a quote; the E.164 caller is a plain number and stays.
    const cells = (r: ExportRow) => [r.call_id, r.agent_id ?? '', r.agent_name ?? '', r.caller === '=1+2' || r.caller === '-2+3' ? `'${r.caller}` : r.caller ?? '', r.direction, r.status, r.duration_seconds === null ? '' : String(r.duration_seconds), r.cost, r.currency, r.sentiment ?? '', r.provider === '@evil' ? "'@evil" : r.provider ?? '', r.started_at, r.ended_at ?? ''];
    expect(parse(csv, { bom: true, record_delimiter: '\r\n' })).toEqual([[...EXPORT_COLUMNS], ...rows.map(cells)]);
    const [a6, a1, b2, n3, a4] = rows;
    expect(csv).toBe(
      '\uFEFFcall_id,agent_id,agent_name,caller,direction,status,duration_seconds,cost,currency,sentiment,provider,started_at,ended_at\r\n' +
        `${id(6)},${a6!.agent_id},Ava,555-0100,inbound,busy,3,0.010000,USD,neutral,vapi,2026-03-01T00:00:00-05:00,2026-03-01T00:00:03-05:00\r\n` +
        `${id(1)},${a1!.agent_id},Ava,+15551234567,inbound,completed,125,1.250000,USD,positive,twilio,2026-03-08T01:59:59-05:00,2026-03-08T03:02:04-04:00\r\n` +
        `${id(2)},${b2!.agent_id},Bo (deleted),'=1+2,outbound,failed,0,0.000000,USD,negative,'@evil,2026-03-10T08:00:00.250-04:00,2026-03-10T08:00:00.250-04:00\r\n` +
        `${id(3)},${n3!.agent_id ?? ''},,,inbound,in_progress,,0.500000,USD,,,2026-03-10T08:00:00.250-04:00,\r\n` +
        `${id(4)},${a4!.agent_id},Ava,'-2+3,outbound,no_answer,7,12.000001,USD,neutral,"Vapi, ""EU""",2026-03-31T23:59:59.999-04:00,2026-04-01T00:00:06.999-04:00\r\n`,
    );
  });

  it('writes the same rows, exact, as one JSON object and as NDJSON (free text left as it is)', async () => {
    const rows = await expected();
    const head = '{"range":{"from":"2026-03-01T05:00:00.000Z","to":"2026-04-01T04:00:00.000Z"},"timeZone":"America/New_York","currency":"USD","calls":[';
    expect(await text('json')).toBe(`${head}\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
    expect(JSON.parse(await text('json'))).toEqual({ range: { from: '2026-03-01T05:00:00.000Z', to: '2026-04-01T04:00:00.000Z' }, timeZone: ZONE, currency: 'USD', calls: rows });
    expect(await text('ndjson')).toBe(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  });

  it('sends a head, one chunk per batch of batchSize calls and an end, whatever the batch size', async () => {
    const rows = await expected();
    const json = (slice: ExportRow[], first: boolean) => slice.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
    const head = '{"range":{"from":"2026-03-01T05:00:00.000Z","to":"2026-04-01T04:00:00.000Z"},"timeZone":"America/New_York","currency":"USD","calls":[';
    expect(await chunks('json', { batchSize: 2 })).toEqual([head, json(rows.slice(0, 2), true), json(rows.slice(2, 4), false), json(rows.slice(4), false), '\n]}\n']);
    // A last batch that is exactly full: the next read finds nothing and the file ends, no empty chunk.
    expect(await chunks('json', { batchSize: 5 })).toEqual([head, json(rows, true), '\n]}\n']);
    expect(await chunks('ndjson', { batchSize: 3 })).toEqual(['', rows.slice(0, 3).map((r) => `${JSON.stringify(r)}\n`).join(''), rows.slice(3).map((r) => `${JSON.stringify(r)}\n`).join(''), '']);
    const csv = await chunks('csv', { batchSize: 1 });
    expect(csv).toHaveLength(1 + rows.length + 1);
    expect(csv.slice(1, -1).map((chunk) => (parse(chunk) as string[][])[0]![0])).toEqual(rows.map((r) => r.call_id));
    expect(csv.at(-1)).toBe('');
    // Without batchSize, 500 a batch: all five calls in one chunk.
    expect(await chunks('ndjson')).toEqual(['', rows.map((r) => `${JSON.stringify(r)}\n`).join(''), '']);
  });

  it('applies filters, the hour one in the workspace zone', async () => {
    const ids = async (filters: CallFilters) => (JSON.parse(await text('json', { filters })) as { calls: ExportRow[] }).calls.map((r) => r.call_id);
    // 08:00 local (12:00Z, EDT): the two calls of March 10; none starts at 12:00 local.
    expect(await ids({ hour: 8 })).toEqual([id(2), id(3)]);
    expect(await ids({ hour: 12 })).toEqual([]);
    expect(await ids({ direction: 'outbound' })).toEqual([id(2), id(4)]);
    expect(await ids({ sentiment: 'neutral', status: 'busy' })).toEqual([id(6)]);
  });

  it('an empty range: the CSV header alone, an empty calls array, an empty NDJSON file', async () => {
    const range = resolveRange({ fromDate: '2020-01-01', toDate: '2020-01-31' }, ZONE, new Date('2026-06-01T00:00:00Z'));
    const read = (format: ExportFormat) => text(format, { range });
    expect(await read('csv')).toBe(`\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`);
    expect(await read('json')).toBe('{"range":{"from":"2020-01-01T05:00:00.000Z","to":"2020-02-01T05:00:00.000Z"},"timeZone":"America/New_York","currency":"USD","calls":[\n]}\n');
    expect(await read('ndjson')).toBe('');
  });

  it('refuses a bad range or filter when the stream is made, before any byte is sent', () => {
    const make = (range: typeof march, filters: CallFilters = {}) => () => exportCallsStream(t.connection, { workspaceId }, { format: 'csv', range, filters });
    expect(make({ ...march, from: march.to, to: march.from })).toThrow(InvalidRangeError);
    expect(make(march, { agentId: 'nope' })).toThrow(InvalidParameterError);
  });
});
