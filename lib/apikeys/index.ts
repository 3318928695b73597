import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Prisma, type Db } from '@/lib/db';
import { recordAudit, type AuditActor } from '@/lib/audit';

/**
 * Workspace API keys: `vd_live_` + 32 random bytes in base62 (43 characters). Only the
 * SHA-256 of a key is stored; the key itself is shown once, when it is created. A key is
 * listed by its prefix (the first 12 characters), which identifies it without giving it away.
 */
export const KEY_PREFIX = 'vd_live_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43; // ceil(256 bits / log2(62)) = 43 base62 digits
export const PREFIX_LENGTH = KEY_PREFIX.length + 4;

/** 32 random bytes as exactly 43 base62 digits (the big-endian number, zero-padded). */
export function generateKey(): string {
  let n = BigInt(`0x${randomBytes(32).toString('hex')}`);
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) {
    body = BASE62[Number(n % 62n)]! + body;
    n /= 62n;
  }
  return KEY_PREFIX + body;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

/** Only strings shaped like our keys are worth a database round trip. */
export function looksLikeKey(value: string): boolean {
  return value.length === KEY_PREFIX.length + BODY_LENGTH && value.startsWith(KEY_PREFIX) && /^[0-9A-Za-z]+$/.test(value.slice(KEY_PREFIX.length));
}

export const KEY_NAME_MAX = 100;

/** The body of "create a key" (Settings → API keys). */
export const createKeyBody = z.object({ name: z.string().trim().min(1, 'give the key a name').max(KEY_NAME_MAX, `at most ${KEY_NAME_MAX} characters`) }).strict();

export type ApiKeySummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** Creates a key; returns it in full (the only time it exists outside the caller's hands). Audited in the same transaction. */
export async function createApiKey(db: Db, input: { workspaceId: string; name: string; actor: AuditActor }): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = generateKey();
  const apiKey = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { workspaceId: input.workspaceId, name: input.name, keyHash: hashKey(key), prefix: keyPrefix(key) },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'api_key.created',
      workspaceId: input.workspaceId,
      targetType: 'api_key',
      targetId: created.id,
      details: { name: created.name, prefix: created.prefix },
    });
    return created;
  });
  return { key, apiKey };
}

/**
 * Revokes a key of the workspace (by id). Returns false when the workspace has no such key
 * (another workspace's key is "no such key"); revoking a revoked key changes nothing.
 */
export async function revokeApiKey(db: Db, input: { workspaceId: string; id: string; actor: AuditActor }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.id, workspaceId: input.workspaceId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!key) return false;
    if (key.revokedAt) return true;
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'api_key.revoked',
      workspaceId: input.workspaceId,
      targetType: 'api_key',
      targetId: key.id,
      details: { name: key.name, prefix: key.prefix },
    });
    return true;
  });
}

export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    where: { workspaceId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
}

export type AuthenticatedKey = { id: string; workspaceId: string };

/**
 * The live key a bearer token stands for, or null (missing, unknown and revoked look the
 * same). No cache: a revoked key stops working on the next request, in every process.
 */
export async function authenticateKey(db: Db, token: string | null): Promise<AuthenticatedKey | null> {
  if (!token || !looksLikeKey(token)) return null;
  const rows = await db.$queryRaw<{ id: string; workspace_id: string }[]>(Prisma.sql`
    SELECT "id", "workspace_id" FROM "api_keys" WHERE "key_hash" = ${hashKey(token)} AND "revoked_at" IS NULL`);
  const row = rows[0];
  return row ? { id: row.id, workspaceId: row.workspace_id } : null;
}

const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 60_000;

/**
 * Records that a key was used, at most once a minute per key and process: last_used_at is
 * for people ("used today"), and one hot row updated by every request would serialise them.
 */
export async function touchKey(db: Db, keyId: string, now = new Date()): Promise<void> {
  const last = lastTouched.get(keyId);
  if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
  lastTouched.set(keyId, now.getTime());
  if (lastTouched.size > 10_000) lastTouched.clear();
  await db.$executeRaw(Prisma.sql`
    UPDATE "api_keys" SET "last_used_at" = ${now}
    WHERE "id" = ${keyId}::uuid AND ("last_used_at" IS NULL OR "last_used_at" < ${new Date(now.getTime() - TOUCH_EVERY_MS)})`);
}

/** Bearer token from an Authorization header ("Bearer <key>", scheme case-insensitive). */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
