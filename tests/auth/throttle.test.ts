import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { authorizeCredentials } from '@/lib/auth/authorize';
import { TooManyAttemptsError } from '@/lib/auth/errors';
import { MAX_FAILED_ATTEMPTS, THROTTLE_WINDOW_MS } from '@/lib/auth/throttle';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

describe('sign-in with throttling', () => {
  let t: TestDatabase;
  const password = 'the-right-password';
  const now = new Date('2026-03-10T12:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    t = await createTestDatabase();
    const passwordHash = bcrypt.hashSync(password, 4);
    await t.db.user.createMany({
      data: [
        { email: 'ada@example.com', passwordHash, isPlatformAdmin: true },
        { email: 'bob@example.com', passwordHash },
      ],
    });
  });
  beforeEach(() => t.db.signInAttempt.deleteMany());
  afterAll(() => t?.dispose());

  const attempt = (email: string, pass: string, ip = '10.0.0.1', at = now) => authorizeCredentials(t.db, { email, password: pass }, ip, at);

  it('signs in with the right password, case-insensitively by email, and says nothing about which part was wrong', async () => {
    expect(await attempt('Ada@Example.com ', password)).toMatchObject({ email: 'ada@example.com', isPlatformAdmin: true });
    expect(await attempt('ada@example.com', 'wrong')).toBeNull();
    expect(await attempt('nobody@example.com', password)).toBeNull();
    expect(await attempt('not an email', password)).toBeNull();
  });

  it('refuses the 11th failed attempt per email, even with the right password, until the window passes', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) expect(await attempt('bob@example.com', 'wrong', `10.0.1.${i}`)).toBeNull();
    await expect(attempt('bob@example.com', password, '10.0.2.1')).rejects.toBeInstanceOf(TooManyAttemptsError);
    // Another account is not affected.
    expect(await attempt('ada@example.com', password, '10.0.2.1')).not.toBeNull();
    // After the window the right password works again.
    expect(await attempt('bob@example.com', password, '10.0.2.1', later(THROTTLE_WINDOW_MS + 1000))).not.toBeNull();
  });

  it('refuses the 11th failed attempt per IP across different emails', async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) expect(await attempt(`guess${i}@example.com`, 'wrong', '192.0.2.7')).toBeNull();
    await expect(attempt('ada@example.com', password, '192.0.2.7')).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(await attempt('ada@example.com', password, '192.0.2.8')).not.toBeNull();
  });

  it('does not count successful sign-ins as failures', async () => {
    for (let i = 0; i < 3 * MAX_FAILED_ATTEMPTS; i++) expect(await attempt('ada@example.com', password)).not.toBeNull();
  });

  it('lets at most 10 of many concurrent guesses reach the password check', async () => {
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => attempt('bob@example.com', 'wrong', `10.9.0.${i}`)));
    const checked = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof TooManyAttemptsError).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expect(checked + refused).toBe(25);
  });
});
