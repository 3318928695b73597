import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit';
import type { Db } from '@/lib/db';

/**
 * Share links to a monthly report PDF (METRICS.md "Share links"). The URL is
 * `/share/<nonce>.<signature>`: a random nonce and its HMAC-SHA256 under the server's
 * secret (NEXTAUTH_SECRET), so a forged or altered link is refused before any database
 * read; the database keeps only the nonce's SHA-256 (a leaked table opens nothing). The
 * link names no workspace, report or row id; it expires, and an owner can revoke it.
 */

export const MAX_SHARE_DAYS = 90;
export const DEFAULT_SHARE_DAYS = 7;

function secret(env: Record<string, string | undefined> = process.env): string {
  const value = env.NEXTAUTH_SECRET;
  if (!value || value.length < 32) throw new Error('NEXTAUTH_SECRET must be set (32+ characters) to sign share links');
  return value;
}

const sign = (nonce: string) => createHmac('sha256', secret()).update(`share-link:${nonce}`).digest('base64url').slice(0, 32);
const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

export function shareToken(nonce: string): string {
  return `${nonce}.${sign(nonce)}`;
}

/** The nonce of a well-formed, correctly signed token; null otherwise (constant-time compare). */
export function verifyShareToken(token: string): string | null {
  const match = /^([A-Za-z0-9_-]{22,64})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(sign(match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

export async function createShareLink(db: Db, input: { workspaceId: string; month: string; days: number; actor: AuditActor; now?: Date }) {
  const now = input.now ?? new Date();
  const nonce = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.create({
      data: { workspaceId: input.workspaceId, nonceHash: hashNonce(nonce), month: input.month, expiresAt, createdBy: input.actor.userId, createdAt: now },
    });
    await recordAudit(tx, { actor: input.actor, action: 'share_link.created', workspaceId: input.workspaceId, targetType: 'share_link', targetId: link.id, details: { month: input.month, expires_at: expiresAt.toISOString() } });
    return { link: shareLinkJson(link, now), path: `/share/${shareToken(nonce)}` };
  });
}

type LinkRow = { id: string; month: string; expiresAt: Date; revokedAt: Date | null; createdAt: Date; lastOpenedAt: Date | null };

export function shareLinkJson(link: LinkRow, now = new Date()) {
  const status = link.revokedAt ? 'revoked' : link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
  return { id: link.id, month: link.month, expires_at: link.expiresAt, revoked_at: link.revokedAt, created_at: link.createdAt, last_opened_at: link.lastOpenedAt, status };
}

export async function listShareLinks(db: Db, workspaceId: string, now = new Date()) {
  const rows = await db.shareLink.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100 });
  return rows.map((r) => shareLinkJson(r, now));
}

export async function revokeShareLink(db: Db, workspaceId: string, id: string, actor: AuditActor, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id, workspaceId } });
    if (!link) return false;
    if (!link.revokedAt) {
      await tx.shareLink.update({ where: { id }, data: { revokedAt: now } });
      await recordAudit(tx, { actor, action: 'share_link.revoked', workspaceId, targetType: 'share_link', targetId: id, details: { month: link.month } });
    }
    return true;
  });
}

/** The link a token opens: null (→ 404) when forged, unknown, revoked or expired. */
export async function openShareLink(db: Db, token: string, now = new Date()) {
  const nonce = verifyShareToken(token);
  if (!nonce) return null;
  const link = await db.shareLink.findUnique({ where: { nonceHash: hashNonce(nonce) }, include: { workspace: { select: { id: true, name: true, slug: true, industry: true, timezone: true } } } });
  if (!link || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return null;
  await db.shareLink.update({ where: { id: link.id }, data: { lastOpenedAt: now } });
  return link;
}
