import { describe, expect, it } from 'vitest';
import { ConfigError, databaseConfig, preparedStatements, redactUrl } from '@/lib/env';
import { openConnection } from '@/lib/db';
import { serverEnvironmentProblem } from '@/lib/server-env';

describe('databaseConfig', () => {
  it('uses embedded PGlite in .data/pglite when DATABASE_URL is unset or empty', () => {
    expect(databaseConfig({})).toEqual({ kind: 'pglite', dir: '.data/pglite' });
    expect(databaseConfig({ DATABASE_URL: '' })).toEqual({ kind: 'pglite', dir: '.data/pglite' });
    expect(databaseConfig({ PGLITE_DIR: '/tmp/x' })).toEqual({ kind: 'pglite', dir: '/tmp/x' });
  });

  it('uses PostgreSQL for postgres:// and postgresql:// URLs', () => {
    expect(databaseConfig({ DATABASE_URL: 'postgres://u@db:5432/app' })).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/app' });
    expect(databaseConfig({ DATABASE_URL: 'postgresql://u@db/app' }).kind).toBe('postgres');
  });

  it.each(['mysql://u@h/db', 'not a url', 'postgres://', 'file:///tmp/db'])('rejects %j with a message naming DATABASE_URL', (url) => {
    expect(() => databaseConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => databaseConfig({ DATABASE_URL: url })).toThrow(/^DATABASE_URL: /);
  });

  it('names DATABASE_URL, without the password, when the server is unreachable', async () => {
    const error = await openConnection({ kind: 'postgres', url: 'postgres://u:secret@127.0.0.1:1/db' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^DATABASE_URL: cannot connect to postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/db \(ECONNREFUSED\)$/);
  });

  it('redacts passwords', () => {
    expect(redactUrl('postgres://a:b@h/d')).toBe('postgres://a:***@h/d');
    expect(redactUrl('%%%')).toBe('(unparseable URL)');
  });
});

describe('serverEnvironmentProblem (checked by instrumentation.ts when the server starts)', () => {
  const good = { NEXTAUTH_SECRET: 'x'.repeat(32) };
  it('accepts a good environment', () => {
    expect(serverEnvironmentProblem(good)).toBeNull();
    expect(serverEnvironmentProblem({ ...good, DATABASE_URL: 'postgres://u@h/db' })).toBeNull();
  });
  it('names the variable that is wrong', () => {
    expect(serverEnvironmentProblem({ NEXTAUTH_SECRET: 'short' })).toMatch(/^NEXTAUTH_SECRET: must be at least 32 characters/);
    expect(serverEnvironmentProblem({})).toMatch(/^NEXTAUTH_SECRET: /);
    expect(serverEnvironmentProblem({ ...good, DATABASE_URL: 'mysql://x' })).toMatch(/^DATABASE_URL: /);
    expect(serverEnvironmentProblem({ ...good, NEXTAUTH_URL: 'not a url' })).toMatch(/^NEXTAUTH_URL: /);
    expect(serverEnvironmentProblem({ ...good, DATABASE_PREPARED_STATEMENTS: 'maybe' })).toBe('DATABASE_PREPARED_STATEMENTS: must be on or off');
  });
});

describe('preparedStatements (DATABASE_PREPARED_STATEMENTS)', () => {
  it('is on by default and turns off with off, in any case', () => {
    expect(preparedStatements({})).toBe(true);
    expect(preparedStatements({ DATABASE_PREPARED_STATEMENTS: '' })).toBe(true);
    expect(preparedStatements({ DATABASE_PREPARED_STATEMENTS: 'ON' })).toBe(true);
    expect(preparedStatements({ DATABASE_PREPARED_STATEMENTS: ' off ' })).toBe(false);
    expect(() => preparedStatements({ DATABASE_PREPARED_STATEMENTS: '0' })).toThrow(ConfigError);
  });
});
