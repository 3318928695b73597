import { randomUUID } from 'node:crypto';
import { Prisma, type Db } from '@/lib/db';

/**
 * Per-workspace concurrency limits that hold across processes: "at most N of this kind at
 * once". Each of the N slots is a row of resource_leases; taking one is a single upsert that
 * wins only when the slot is free or its lease has expired. Two processes racing for the
 * same slot serialise on its primary key, and the loser sees the winner's fresh lease and
 * tries the next slot, so no count-then-insert race exists and no lock is held.
 *
 * A lease is given back when the work ends (finish, error, client gone). If the process
 * dies first, the lease expires after `ttlSeconds`; long work renews it as it progresses.
 */
export type LeaseKind = 'export' | 'report';

export type LeasePolicy = {
  /** Slots per workspace. */
  max: number;
  /** A lease not renewed for this long is free again (a crashed holder). */
  ttlSeconds: number;
  /** What a refused caller is told to wait (Retry-After). */
  retryAfterSeconds: number;
};

export const LEASE_POLICIES: Record<LeaseKind, LeasePolicy> = {
  // Exports stream for as long as the client reads; the stream renews its lease while it
  // moves (lib/limits/stream.ts), so 30 s only bounds how long a crashed export holds a slot.
  export: { max: 2, ttlSeconds: 30, retryAfterSeconds: 5 },
  // A report render takes seconds; it is not renewed, so the TTL is generous.
  report: { max: 4, ttlSeconds: 120, retryAfterSeconds: 5 },
};

export type Lease = {
  workspaceId: string;
  kind: LeaseKind;
  slot: number;
  holder: string;
  ttlSeconds: number;
};

/** Takes a free slot of `kind` in the workspace, or returns null when all are held. */
export async function acquireLease(
  db: Db,
  workspaceId: string,
  kind: LeaseKind,
  options: { now?: Date; policy?: LeasePolicy } = {},
): Promise<Lease | null> {
  const policy = options.policy ?? LEASE_POLICIES[kind];
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1000);
  const holder = randomUUID();
  for (let slot = 1; slot <= policy.max; slot++) {
    const won = await db.$queryRaw<{ slot: number }[]>(Prisma.sql`
      INSERT INTO "resource_leases" AS l ("workspace_id", "kind", "slot", "holder", "acquired_at", "expires_at")
      VALUES (${workspaceId}::uuid, ${kind}, ${slot}, ${holder}::uuid, ${now}, ${expiresAt})
      ON CONFLICT ("workspace_id", "kind", "slot") DO UPDATE
        SET "holder" = EXCLUDED."holder", "acquired_at" = EXCLUDED."acquired_at", "expires_at" = EXCLUDED."expires_at"
        WHERE l."expires_at" <= EXCLUDED."acquired_at"
      RETURNING "slot"`);
    if (won.length > 0) return { workspaceId, kind, slot, holder, ttlSeconds: policy.ttlSeconds };
  }
  return null;
}

/** Pushes the lease's expiry out by its TTL; false when it was lost (expired and taken). */
export async function renewLease(db: Db, lease: Lease, now: Date = new Date()): Promise<boolean> {
  const changed = await db.$executeRaw(Prisma.sql`
    UPDATE "resource_leases" SET "expires_at" = ${new Date(now.getTime() + lease.ttlSeconds * 1000)}
    WHERE "workspace_id" = ${lease.workspaceId}::uuid AND "kind" = ${lease.kind} AND "slot" = ${lease.slot} AND "holder" = ${lease.holder}::uuid`);
  return changed > 0;
}

/** Gives the slot back. Idempotent; never frees a slot someone else took after expiry. */
export async function releaseLease(db: Db, lease: Lease): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    DELETE FROM "resource_leases"
    WHERE "workspace_id" = ${lease.workspaceId}::uuid AND "kind" = ${lease.kind} AND "slot" = ${lease.slot} AND "holder" = ${lease.holder}::uuid`);
}

/** Leases held now in a workspace (tests, diagnostics). */
export async function heldLeases(db: Db, workspaceId: string, kind: LeaseKind, now: Date = new Date()): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM "resource_leases" WHERE "workspace_id" = ${workspaceId}::uuid AND "kind" = ${kind} AND "expires_at" > ${now}`);
  return row?.n ?? 0;
}

/** Deletes leases that expired more than an hour before `now` (the prune job). */
export async function pruneLeases(db: Db, now: Date = new Date()): Promise<number> {
  return db.$executeRaw(Prisma.sql`DELETE FROM "resource_leases" WHERE "expires_at" < ${new Date(now.getTime() - 3_600_000)}`);
}
