import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR, callerActor, listAuditEntries, recordAudit } from '@/lib/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

describe('the audit log', () => {
  let t: TestDatabase;
  const workspaceA = '00000000-0000-4000-8000-00000000000a';
  const workspaceB = '00000000-0000-4000-8000-00000000000b';

  beforeAll(async () => {
    t = await createTestDatabase();
    const owner = callerActor({ userId: '00000000-0000-4000-8000-0000000000f1', email: 'owner@a.example' }, '203.0.113.7');
    await recordAudit(t.db, { actor: owner, action: 'api_key.created', workspaceId: workspaceA, targetType: 'api_key', targetId: 'k1', details: { name: 'prod' } });
    await recordAudit(t.db, { actor: CLI_ACTOR, action: 'api_key.revoked', workspaceId: workspaceA, targetType: 'api_key', targetId: 'k1' });
    await recordAudit(t.db, { actor: CLI_ACTOR, action: 'api_key.created', workspaceId: workspaceB, targetType: 'api_key', targetId: 'k2' });
  });
  afterAll(() => t?.dispose());

  it('lists one workspace\'s entries, newest first, with who, what and from where', async () => {
    const rows = await listAuditEntries(t.db, { workspaceId: workspaceA });
    expect(rows.map((r) => [r.action, r.actorLabel, r.ip])).toEqual([
      ['api_key.revoked', 'cli', null],
      ['api_key.created', 'owner@a.example', '203.0.113.7'],
    ]);
    expect(rows[1]!.details).toEqual({ name: 'prod' });
    expect(await listAuditEntries(t.db, { targetType: 'api_key', targetId: 'k2' })).toHaveLength(1);
  });

  it('refuses every update and delete in the database itself', async () => {
    await expect(t.db.auditLog.updateMany({ data: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(t.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`UPDATE audit_log SET actor_label = 'someone else'`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM audit_log WHERE workspace_id = ${workspaceB}::uuid`).rejects.toThrow(/append-only/);
    expect(await t.db.auditLog.count()).toBe(3);
    expect((await listAuditEntries(t.db, {})).map((r) => r.action)).not.toContain('forged');
  });
});
