import { describe, expect, it, vi } from 'vitest';
import { InvalidParameterError } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { callFiltersQuerySchema, rangeQuerySchema } from '@/lib/api/params';
import { parseQuery } from '@/lib/api/query';
import { withSeededWorld, type World } from './fixtures';
import { call } from './session';

describe('the handler wrapper', () => {
  let w: World;

  withSeededWorld((_, world) => {
    w = world;
  });

  it('enforces a minimum role; platform admins pass', async () => {
    const adminsOnly = withApi({ access: 'workspace', role: 'admin' }, async ({ access }) => ({ role: access.role }));
    expect((await call(adminsOnly, `/x/${w.a}`, { id: w.a }, w.viewerA)).status).toBe(403);
    expect((await call(adminsOnly, `/x/${w.a}`, { id: w.a }, w.ownerA)).body).toEqual({ role: 'owner' });
    expect((await call(adminsOnly, `/x/${w.a}`, { id: w.a }, w.admin)).status).toBe(200);
  });

  it('maps errors thrown inside the handler: analytics parameters → 400, bugs → a generic, logged 500', async () => {
    const badParam = withApi({ access: 'signed-in' }, async () => {
      throw new InvalidParameterError('to', 'range longer than 3700 days');
    });
    expect((await call(badParam, '/x', {}, w.ownerA)).body).toEqual({
      error: { code: 'bad_request', message: 'to: range longer than 3700 days', param: 'to' },
    });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = withApi({ access: 'signed-in' }, async () => {
      throw new TypeError('secret internals');
    });
    const result = await call(bug, '/x', {}, w.ownerA);
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('secret internals');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('lets pages parse searchParams with the same schemas', () => {
    expect(parseQuery(rangeQuerySchema, {})).toEqual({ ok: true, data: { range: { period: 'month' } } });
    expect(parseQuery(rangeQuerySchema, { from: '2026-03-01', to: '2026-03-31' })).toEqual({
      ok: true,
      data: { range: { fromDate: '2026-03-01', toDate: '2026-03-31' } },
    });
    expect(parseQuery(callFiltersQuerySchema, new URLSearchParams('status=completed&direction=in'))).toEqual({
      ok: false,
      param: 'direction',
      message: 'direction: must be one of inbound, outbound',
    });
    expect(parseQuery(rangeQuerySchema, { period: ['day', 'week'] })).toMatchObject({ ok: false, message: 'period: must be given only once' });
  });
});
