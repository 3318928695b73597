import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@/lib/api/schemas';
import { ENDPOINTS } from './endpoints';
import { MARCH, withSeededWorld, type World } from './fixtures';
import { call } from './session';

/** For every endpoint: 401 signed out, 404 across tenants, 403 for non-admins, 400 per bad parameter, 200 by the schema. */
describe.each(ENDPOINTS)('$name', (endpoint) => {
  let w: World;

  withSeededWorld((_, world) => {
    w = world;
  });

  const own = () => endpoint.params(w, w.a);
  const get = (query: string, user: Parameters<typeof call>[3], params = own()) =>
    call(endpoint.handler, `${endpoint.path(params)}${query ? `?${query}` : ''}`, params, user);

  function expectError(result: { status: number; body: unknown }, status: number, code: string) {
    expect(result.status).toBe(status);
    const body = errorResponseSchema.parse(result.body);
    expect(body.error.code).toBe(code);
    return body;
  }

  it('answers 401 to a signed-out caller', async () => {
    expectError(await get(MARCH, null), 401, 'unauthorized');
  });

  it('answers 401 to an expired session', async () => {
    const user = endpoint.kind === 'admin' ? w.admin : w.ownerA;
    const result = await call(endpoint.handler, endpoint.path(own()), own(), user, { maxAge: -120 });
    expectError(result, 401, 'unauthorized');
  });

  it('answers 401 to a token signed with another secret', async () => {
    const user = endpoint.kind === 'admin' ? w.admin : w.ownerA;
    const result = await call(endpoint.handler, endpoint.path(own()), own(), user, { secret: 'some-other-secret-that-is-long-enough-000' });
    expectError(result, 401, 'unauthorized');
  });

  if (endpoint.kind === 'admin') {
    it('answers 403 to a workspace owner', async () => {
      expectError(await get(MARCH, w.ownerA), 403, 'forbidden');
    });
    it('checks the role before the query', async () => {
      expectError(await get('period=decade', w.memberB), 403, 'forbidden');
    });
  }

  if (endpoint.kind === 'workspace') {
    it("answers 404 to a member of another workspace, whatever the query", async () => {
      const theirs = endpoint.params(w, w.b);
      const a = expectError(await get(MARCH, w.ownerA, theirs), 404, 'not_found');
      const b = expectError(await get('period=decade', w.ownerA, theirs), 404, 'not_found');
      const missing = expectError(await get(MARCH, w.ownerA, { ...theirs, id: '00000000-0000-4000-8000-000000000000' }), 404, 'not_found');
      // Another workspace and a nonexistent one are indistinguishable.
      expect(a).toEqual(missing);
      expect(b).toEqual(missing);
    });

    it('answers 404 to a malformed workspace id', async () => {
      for (const id of ['nope', "1' OR 1=1 --", '00000000-0000-0000-0000-00000000000', '%00', '1'.repeat(500)]) {
        expectError(await get(MARCH, w.ownerA, { ...own(), id }), 404, 'not_found');
      }
    });

    it('serves a viewer and a platform admin who is not a member', async () => {
      expect((await get(MARCH, w.viewerA)).status).toBe(200);
      expect((await get(MARCH, w.admin)).status).toBe(200);
    });
  }

  it.each(endpoint.bad)('answers 400 to ?%s naming %s', async (query, param) => {
    const user = endpoint.kind === 'admin' ? w.admin : w.ownerA;
    const body = expectError(await get(query, user), 400, 'bad_request');
    expect(body.error.param).toBe(param);
    expect(body.error.message.startsWith(`${param}: `)).toBe(true);
  });

  it('serves the happy path in the shape of its response schema', async () => {
    const user = endpoint.kind === 'admin' ? w.admin : w.ownerA;
    const result = await get(`${MARCH}&unknownParam=ignored`, user);
    expect(result.status).toBe(200);
    expect(result.headers.get('cache-control')).toBe('no-store');
    endpoint.response.parse(result.body);
    // Nothing of workspace B in A's answers.
    if (endpoint.kind !== 'admin') {
      const text = JSON.stringify(result.body);
      for (const foreign of [w.b, w.agentB, w.periodB, ...w.callIdsB, 'secret-provider-b', 'beta-only', 'Beta']) {
        expect(text).not.toContain(foreign);
      }
    }
  });

  it('defaults to the month preset without a range', async () => {
    const user = endpoint.kind === 'admin' ? w.admin : w.ownerA;
    const result = await get('', user);
    expect(result.status).toBe(200);
    endpoint.response.parse(result.body);
  });
});
