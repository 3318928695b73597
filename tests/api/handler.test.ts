import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { InvalidParameterError } from '@/lib/analytics';
import { withApi } from '@/lib/api/handler';
import { isSameOriginRequest } from '@/lib/api/origin';
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

  describe('state-changing requests', () => {
    const echo = withApi({ access: 'signed-in', body: z.object({ name: z.string().min(1), limits: z.object({ max: z.number().int() }) }) }, async ({ body }) => ({
      got: body,
    }));
    const send = (init: Parameters<typeof call>[4]) => call(echo, '/x', {}, w.ownerA, { method: 'POST', body: { name: 'n', limits: { max: 1 } }, ...init });

    it('accept the app\'s own origin (Origin or Sec-Fetch-Site) and parse the body', async () => {
      expect(await send({})).toMatchObject({ status: 200, body: { got: { name: 'n', limits: { max: 1 } } } });
      expect((await send({ headers: { origin: null, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
      // Behind a proxy: the public origin is NEXTAUTH_URL's, or the forwarded host's.
      const behindProxy = new Headers({ host: 'internal:3000', origin: 'https://dash.example.com' });
      expect(isSameOriginRequest(behindProxy, 'https://dash.example.com')).toBe(true);
      expect(isSameOriginRequest(behindProxy, undefined)).toBe(false);
      behindProxy.set('x-forwarded-host', 'dash.example.com');
      behindProxy.set('x-forwarded-proto', 'https');
      expect(isSameOriginRequest(behindProxy, undefined)).toBe(true);
    });

    it('refuse another origin, a missing Origin and a cross-site fetch, before anything else', async () => {
      const attempts: Record<string, string | null>[] = [{ origin: 'https://evil.example' }, { origin: null }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
      for (const headers of attempts) {
        const result = await send({ headers });
        expect(result.status, JSON.stringify(headers)).toBe(403);
        expect(result.body.error.code).toBe('cross_site_request');
      }
      // Refused before the session is even read: no cookie, still 403 rather than 401.
      const anonymous = await call(echo, '/x', {}, null, { method: 'POST', body: {}, headers: { origin: 'https://evil.example' } });
      expect(anonymous.status).toBe(403);
      // Reads are not checked.
      const read = withApi({ access: 'signed-in' }, async () => ({ ok: true }));
      expect((await call(read, '/x', {}, w.ownerA, { headers: { origin: 'https://evil.example' } })).status).toBe(200);
    });

    it('answer a bad body with the field it is about', async () => {
      expect((await send({ body: '{not json', headers: { 'content-type': 'application/json' } })).body.error).toMatchObject({ code: 'bad_request', param: 'body' });
      expect((await send({ body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
      expect((await send({ body: { name: 'n', limits: { max: 1.5 } } })).body.error).toMatchObject({ code: 'bad_request', param: 'limits.max' });
      expect((await send({ body: { limits: { max: 1 } } })).body.error).toMatchObject({ param: 'name' });
      const big = await send({ body: { name: 'x'.repeat(70_000), limits: { max: 1 } } });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('payload_too_large');
    });
  });
});
