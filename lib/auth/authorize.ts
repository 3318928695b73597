import bcrypt from 'bcryptjs';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { TooManyAttemptsError } from './errors';
import { beginAttempt, forgetAttempt } from './throttle';

export const credentialsSchema = z.object({
  // Stryker disable next-line MethodExpression: the lookup below is case-insensitive and zod's email check takes either case, so lower- or upper-casing finds the same user
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
  password: z.string().min(1).max(1024),
});

/** What a successful sign-in puts into the session token. */
export type SignedInUser = { id: string; email: string; name: string | null; isPlatformAdmin: boolean };

// Compared against when the email is unknown, so that a miss costs as much as a wrong
// password and response times do not reveal which emails have accounts.
// Stryker disable next-line StringLiteral: any text makes a hash no password is checked against successfully; only its cost matters
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

/**
 * Checks email + password. Throttled per email and per IP (throttle.ts): the 11th failure
 * within the window throws TooManyAttemptsError without looking at the password.
 * Returns null for wrong credentials, never says which part was wrong.
 */
export async function authorizeCredentials(db: Db, input: unknown, ip: string, now = new Date()): Promise<SignedInUser | null> {
  const raw = (input ?? {}) as Record<string, unknown>;
  // Stryker disable next-line StringLiteral: any constant that is not a valid email groups the attempts without an email the same way
  const emailForThrottle = typeof raw.email === 'string' ? raw.email : '';
  const attempt = await beginAttempt(db, { email: emailForThrottle, ip }, now);
  if (!attempt) throw new TooManyAttemptsError();

  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    // Stryker disable next-line StringLiteral: timing only (the compare's result is ignored), whatever the text
    await bcrypt.compare('x', DUMMY_HASH);
    return null;
  }
  const { email, password } = parsed.data;
  const user = await db.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    select: { id: true, email: true, name: true, passwordHash: true, isPlatformAdmin: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;

  await forgetAttempt(db, attempt);
  return { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin };
}
