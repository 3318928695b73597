import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, findWorkspaceAccess, listAccessibleWorkspaces } from '@/lib/auth/access';
import type { Caller } from '@/lib/auth/caller';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { createWorkspace } from '../analytics/fixtures';

/** The access checks every workspace route goes through (lib/auth/access.ts), on the database. */
describe('workspace access', () => {
  let t: TestDatabase;
  let member: Caller;
  let outsider: Caller;
  let admin: Caller;
  // Created out of name order, and two with the same name created out of id order, so the
  // listing order (name, then id) shows.
  const ws: Record<'zulu' | 'alpha' | 'twinA' | 'twinB' | 'foreign', string> = { zulu: '', alpha: '', twinA: '', twinB: '', foreign: '' };

  const user = async (email: string, isPlatformAdmin = false): Promise<Caller> => {
    const row = await t.db.user.create({ data: { email, name: null, passwordHash: 'x', isPlatformAdmin } });
    return { userId: row.id, email, name: null, isPlatformAdmin };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    ws.zulu = await createWorkspace(t.db, { name: 'Zulu' });
    ws.twinB = await createWorkspace(t.db, { name: 'Twin', id: '00000000-0000-4000-8000-0000000000ff' });
    ws.alpha = await createWorkspace(t.db, { name: 'Alpha' });
    ws.twinA = await createWorkspace(t.db, { name: 'Twin', id: '00000000-0000-4000-8000-000000000001' });
    ws.foreign = await createWorkspace(t.db, { name: 'Foreign' });
    member = await user('member@example.com');
    outsider = await user('outsider@example.com');
    admin = await user('admin@example.com', true);
    for (const [id, role] of [[ws.zulu, 'viewer'], [ws.alpha, 'owner'], [ws.twinA, 'member'], [ws.twinB, 'admin']] as const) {
      await t.db.membership.create({ data: { userId: member.userId, workspaceId: id, role } });
    }
  });
  afterAll(() => t?.dispose());

  it("gives a member their workspace and role, nothing of another's", async () => {
    const access = await findWorkspaceAccess(t.db, member, ws.alpha);
    expect(access).toEqual({ workspace: expect.objectContaining({ id: ws.alpha, name: 'Alpha' }), role: 'owner', isPlatformAdmin: false });
    expect(await findWorkspaceAccess(t.db, member, ws.foreign)).toBeNull();
    expect(await findWorkspaceAccess(t.db, outsider, ws.alpha)).toBeNull();
  });

  it('gives a platform admin every workspace without a role', async () => {
    expect(await findWorkspaceAccess(t.db, admin, ws.foreign)).toEqual({
      workspace: expect.objectContaining({ id: ws.foreign }),
      role: null,
      isPlatformAdmin: true,
    });
  });

  it('answers a malformed or unknown id the same as a foreign one: null, no error', async () => {
    for (const id of ['not-a-uuid', `${ws.alpha}x`, '', 42, null, undefined, { id: ws.alpha }]) {
      expect(await findWorkspaceAccess(t.db, member, id)).toBeNull();
      expect(await findWorkspaceAccess(t.db, admin, id)).toBeNull();
    }
    expect(await findWorkspaceAccess(t.db, admin, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('lets a platform admin pass every role check and a member only up to their role', async () => {
    const viewer = (await findWorkspaceAccess(t.db, member, ws.zulu))!;
    expect(allows(viewer, 'viewer')).toBe(true);
    expect(allows(viewer, 'member')).toBe(false);
    const owner = (await findWorkspaceAccess(t.db, member, ws.alpha))!;
    expect(allows(owner, 'owner')).toBe(true);
    const platform = (await findWorkspaceAccess(t.db, admin, ws.zulu))!;
    expect(allows(platform, 'owner')).toBe(true);
  });

  it('lists a member their workspaces by name, then id, with their role; a platform admin all of them', async () => {
    const twins = [ws.twinA, ws.twinB].sort();
    const roleOf: Record<string, string> = { [ws.twinA]: 'member', [ws.twinB]: 'admin' };
    const mine = await listAccessibleWorkspaces(t.db, member);
    expect(mine.map((w) => [w.id, w.role])).toEqual([[ws.alpha, 'owner'], ...twins.map((id) => [id, roleOf[id]]), [ws.zulu, 'viewer']]);
    expect(await listAccessibleWorkspaces(t.db, outsider)).toEqual([]);
    const all = await listAccessibleWorkspaces(t.db, admin);
    expect(all.map((w) => [w.id, w.role])).toEqual([[ws.alpha, null], [ws.foreign, null], ...twins.map((id) => [id, null]), [ws.zulu, null]]);
  });
});
