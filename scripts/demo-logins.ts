import { z } from 'zod';
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, type DemoLogin } from '@/prisma/seed';
import { ConfigError } from '@/lib/env';

const credentialsSchema = z.object({
  SEED_ADMIN_EMAIL: z.email().default(DEFAULT_ADMIN_EMAIL),
  SEED_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').default(DEFAULT_ADMIN_PASSWORD),
});

/** The admin login the seed creates, from SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD. */
export function seedCredentials(env: NodeJS.ProcessEnv = process.env): { adminEmail: string; adminPassword: string } {
  const parsed = credentialsSchema.safeParse({ SEED_ADMIN_EMAIL: env.SEED_ADMIN_EMAIL || undefined, SEED_ADMIN_PASSWORD: env.SEED_ADMIN_PASSWORD || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return { adminEmail: parsed.data.SEED_ADMIN_EMAIL, adminPassword: parsed.data.SEED_ADMIN_PASSWORD };
}

export function printLogins(logins: DemoLogin[]): void {
  const admin = logins.find((l) => l.role === 'platform admin');
  const owner = logins.find((l) => l.role === 'owner');
  const member = logins.find((l) => l.role === 'member');
  console.log('Demo logins:');
  if (admin) console.log(`  platform admin   ${admin.email}  /  ${admin.password}`);
  if (owner) console.log(`  workspace owner  ${owner.email}  /  ${owner.password}   (${owner.workspace}, also in two more workspaces)`);
  if (member) console.log(`  workspace member ${member.email}  /  ${member.password}`);
  console.log('  every workspace has owner.<slug>@example.com and member.<slug>@example.com with the same password');
}
