import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Tables with a workspace_id column that are NOT distributed by it (docs/scale-out.md,
// "Table by table"). Every other table with a workspace_id is a tenant table and must carry
// the tenant id in its primary key, in every unique key and in every foreign key to another
// tenant table: what Citus needs to keep a workspace on one shard.
const NOT_DISTRIBUTED: Record<string, string> = {
  api_keys: 'reference table: a key is looked up by its hash before its workspace is known',
  memberships: "reference table: a user's memberships span workspaces",
  audit_log: 'local table: platform entries have no workspace',
  alert_rules: 'local table: platform rules have no workspace',
  alert_events: 'local table: platform alerts have no workspace',
  outbox_messages: 'local table: platform alerts have no workspace; the sender scans every workspace',
  share_links: 'reference table: a link is looked up by its nonce before its workspace is known',
};

type Key = { table: string; name: string; kind: 'p' | 'u' | 'f' | 'i'; columns: string[]; refTable: string | null; refColumns: string[] | null };

describe('tenant tables keep workspace_id in every key (Citus-ready)', () => {
  let t: TestDatabase;
  let tenantTables: string[];
  let keys: Key[];

  beforeAll(async () => {
    t = await createTestDatabase();
    const tables = await t.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'workspace_id' ORDER BY table_name`;
    tenantTables = tables.map((r) => r.table_name).filter((n) => !(n in NOT_DISTRIBUTED));
    // Constraints (primary, unique, foreign) and unique indexes made without a constraint.
    keys = await t.db.$queryRaw<Key[]>`
      SELECT rel.relname::text AS table, con.conname::text AS name, con.contype::text AS kind,
             array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
             ref.relname::text AS "refTable",
             CASE WHEN con.confkey IS NULL THEN NULL ELSE
               array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) END AS "refColumns"
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace ns ON ns.oid = rel.relnamespace AND ns.nspname = 'public'
      LEFT JOIN pg_class ref ON ref.oid = con.confrelid
      WHERE con.contype IN ('p', 'u', 'f')
      UNION ALL
      SELECT rel.relname::text, idx.relname::text, 'i',
             array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o),
             NULL, NULL
      FROM pg_index i
      JOIN pg_class idx ON idx.oid = i.indexrelid
      JOIN pg_class rel ON rel.oid = i.indrelid
      JOIN pg_namespace ns ON ns.oid = rel.relnamespace AND ns.nspname = 'public'
      WHERE i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1, 2`;
  });
  afterAll(() => t?.dispose());

  it('finds the tenant tables and their keys', () => {
    // Guards the catalog query itself: an empty result would make every check below pass.
    expect(tenantTables).toEqual(expect.arrayContaining(['calls', 'usage_records', 'voice_agents', 'billing_periods', 'billing_line_items', 'call_rollups']));
    expect(keys.some((k) => k.table === 'calls' && k.kind === 'p')).toBe(true);
    expect(keys.some((k) => k.table === 'calls' && k.kind === 'f')).toBe(true);
    for (const table of Object.keys(NOT_DISTRIBUTED)) expect(tables()).toContain(table);
  });

  it('has workspace_id in the primary key of every tenant table', () => {
    const missing = tenantTables.filter((table) => !keys.some((k) => k.table === table && k.kind === 'p' && k.columns.includes('workspace_id')));
    expect(missing).toEqual([]);
  });

  it('has workspace_id in every unique key of a tenant table', () => {
    const missing = keys
      .filter((k) => tenantTables.includes(k.table) && (k.kind === 'u' || k.kind === 'i' || k.kind === 'p') && !k.columns.includes('workspace_id'))
      .map((k) => `${k.table}.${k.name} (${k.columns.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('joins tenant tables to each other on workspace_id in every foreign key', () => {
    const missing = keys
      .filter((k) => k.kind === 'f' && tenantTables.includes(k.table) && k.refTable !== null && tenantTables.includes(k.refTable))
      .filter((k) => {
        const i = k.columns.indexOf('workspace_id');
        return i < 0 || k.refColumns?.[i] !== 'workspace_id';
      })
      .map((k) => `${k.table}.${k.name} → ${k.refTable}`);
    expect(missing).toEqual([]);
  });

  it('clears only the reference column when an agent or a call is deleted (SET NULL (col))', async () => {
    const [w] = await t.db.$queryRaw<{ id: string }[]>`
      INSERT INTO workspaces (name, slug, timezone) VALUES ('Keys', 'tenant-keys', 'UTC') RETURNING id::text`;
    const agent = await t.db.voiceAgent.create({ data: { workspaceId: w!.id, name: 'Gone' } });
    const call = await t.db.call.create({
      data: { workspaceId: w!.id, agentId: agent.id, direction: 'inbound', status: 'completed', startedAt: new Date('2026-11-02T10:00:00Z') },
    });
    await t.db.usageRecord.create({
      data: { workspaceId: w!.id, callId: call.id, provider: 'twilio', usageType: 'telephony_minutes', quantity: '1', totalCost: '0.01', finalCost: '0.013' },
    });
    await t.db.voiceAgent.delete({ where: { workspaceId_id: { workspaceId: w!.id, id: agent.id } } });
    expect(await t.db.call.findFirstOrThrow({ where: { id: call.id }, select: { workspaceId: true, agentId: true } })).toEqual({ workspaceId: w!.id, agentId: null });
    await t.db.call.delete({ where: { workspaceId_id: { workspaceId: w!.id, id: call.id } } });
    const usage = await t.db.usageRecord.findMany({ where: { workspaceId: w!.id }, select: { workspaceId: true, callId: true } });
    expect(usage).toEqual([{ workspaceId: w!.id, callId: null }]);
  });

  it('refuses a call whose agent belongs to another workspace', async () => {
    const [a, b] = await t.db.$queryRaw<{ id: string }[]>`
      INSERT INTO workspaces (name, slug, timezone) VALUES ('A', 'tenant-keys-a', 'UTC'), ('B', 'tenant-keys-b', 'UTC') RETURNING id::text`;
    const agentOfB = await t.db.voiceAgent.create({ data: { workspaceId: b!.id, name: 'B agent' } });
    await expect(
      t.db.call.create({ data: { workspaceId: a!.id, agentId: agentOfB.id, direction: 'inbound', status: 'completed', startedAt: new Date('2026-11-02T10:00:00Z') } }),
    ).rejects.toThrow();
    expect(await t.db.call.count({ where: { workspaceId: a!.id } })).toBe(0);
  });

  function tables(): string[] {
    return [...new Set([...tenantTables, ...Object.keys(NOT_DISTRIBUTED)])];
  }
});
