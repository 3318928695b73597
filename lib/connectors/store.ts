import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { Prisma, type Db } from '@/lib/db';
import { decryptSecret, encryptSecret, generateSecret, reencryptSecret, type Keyring } from '@/lib/secrets';
import { DEFAULT_VAPI_HMAC_PLAN, liveSecrets, type Platform, type VapiAuth } from './verify';

/**
 * Connectors and their delivery log: every write that changes a connector records its
 * audit entry in the same transaction. Secrets are sealed (lib/secrets) before they touch
 * the database and are returned exactly once, by create and rotate.
 */

export const DELIVERY_RETENTION_DAYS = 35;

export const PLATFORM_LABELS: Record<Platform, string> = { vapi: 'Vapi', retell: 'Retell AI', bland: 'Bland AI' };

export function webhookPath(platform: Platform, connectorId: string): string {
  return `/api/v1/webhooks/${platform}/${connectorId}`;
}

/** What the seal is bound to: a sealed secret copied to another connector does not open. */
const sealContext = (workspaceId: string, connectorId: string) => `connector:${workspaceId}:${connectorId}`;

export class ConnectorInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorInputError';
  }
}

export type ConnectorSettings = { vapiAuth?: VapiAuth };

export type CreateConnectorInput = {
  workspaceId: string;
  platform: Platform;
  name?: string;
  /** Retell: the workspace's Retell API key (required). Vapi / Bland: generated when absent. */
  secret?: string;
  vapiAuth?: 'secret' | 'hmac';
  actor: AuditActor;
};

function checkSecret(platform: Platform, secret: string | undefined): string {
  if (secret === undefined || secret === '') {
    if (platform === 'retell') throw new ConnectorInputError('secret', 'secret: Retell signs with your Retell API key: paste it here');
    return generateSecret();
  }
  const s = secret.trim();
  if (s.length < 16 || s.length > 512) throw new ConnectorInputError('secret', 'secret: must be 16 to 512 characters');
  if (/\s/.test(s)) throw new ConnectorInputError('secret', 'secret: must not contain spaces');
  return s;
}

export async function createConnector(db: Db, input: CreateConnectorInput, keyring?: Keyring) {
  const secret = checkSecret(input.platform, input.secret);
  const id = randomUUID();
  const name = (input.name?.trim() || `${PLATFORM_LABELS[input.platform]} webhook`).slice(0, 100);
  const settings: ConnectorSettings = input.platform === 'vapi' ? { vapiAuth: input.vapiAuth === 'hmac' ? { mode: 'hmac', plan: DEFAULT_VAPI_HMAC_PLAN } : { mode: 'secret' } } : {};
  const connector = await db.$transaction(async (tx) => {
    const row = await tx.connector.create({
      data: { id, workspaceId: input.workspaceId, platform: input.platform, name, secretSealed: encryptSecret(secret, sealContext(input.workspaceId, id), keyring), settings: settings as Prisma.InputJsonValue },
      select: { id: true, workspaceId: true, platform: true, name: true, createdAt: true },
    });
    await recordAudit(tx, { actor: input.actor, action: 'connector.created', workspaceId: input.workspaceId, targetType: 'connector', targetId: id, details: { platform: input.platform, name } });
    return row;
  });
  return { connector, secret, path: webhookPath(input.platform, id) };
}

/** A new secret (given, or generated for Vapi/Bland); the current one keeps verifying for 24 h. */
export async function rotateConnectorSecret(db: Db, input: { workspaceId: string; connectorId: string; secret?: string; actor: AuditActor; now?: Date }, keyring?: Keyring) {
  const existing = await db.connector.findUnique({ where: { workspaceId_id: { workspaceId: input.workspaceId, id: input.connectorId } }, select: { platform: true, secretSealed: true } });
  if (!existing) return null;
  const platform = existing.platform as Platform;
  const secret = checkSecret(platform, input.secret);
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    await tx.connector.update({
      where: { workspaceId_id: { workspaceId: input.workspaceId, id: input.connectorId } },
      data: { secretSealed: encryptSecret(secret, sealContext(input.workspaceId, input.connectorId), keyring), previousSecretSealed: existing.secretSealed, secretRotatedAt: now },
    });
    await recordAudit(tx, { actor: input.actor, action: 'connector.secret_rotated', workspaceId: input.workspaceId, targetType: 'connector', targetId: input.connectorId, details: { platform, previous_valid_until: new Date(now.getTime() + 24 * 3600_000).toISOString() } });
  });
  return { secret };
}

export async function setConnectorDisabled(db: Db, input: { workspaceId: string; connectorId: string; disabled: boolean; actor: AuditActor }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.connector.updateMany({ where: { workspaceId: input.workspaceId, id: input.connectorId }, data: { disabledAt: input.disabled ? new Date() : null } });
    if (count === 0) return false;
    await recordAudit(tx, { actor: input.actor, action: input.disabled ? 'connector.disabled' : 'connector.enabled', workspaceId: input.workspaceId, targetType: 'connector', targetId: input.connectorId });
    return true;
  });
}

/** Deletes the connector and its delivery log; the calls it brought in stay. */
export async function deleteConnector(db: Db, input: { workspaceId: string; connectorId: string; actor: AuditActor }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.connector.findUnique({ where: { workspaceId_id: { workspaceId: input.workspaceId, id: input.connectorId } }, select: { platform: true, name: true } });
    if (!row) return false;
    await tx.connector.delete({ where: { workspaceId_id: { workspaceId: input.workspaceId, id: input.connectorId } } });
    await recordAudit(tx, { actor: input.actor, action: 'connector.deleted', workspaceId: input.workspaceId, targetType: 'connector', targetId: input.connectorId, details: { platform: row.platform, name: row.name } });
    return true;
  });
}

/** The connector a webhook URL names, with the secrets that verify now (decrypted; never leave the process). */
export async function findConnectorForWebhook(db: Db, platform: Platform, connectorId: string, now = Date.now(), keyring?: Keyring) {
  const row = await db.connector.findFirst({
    where: { id: connectorId, platform },
    select: { id: true, workspaceId: true, platform: true, secretSealed: true, previousSecretSealed: true, secretRotatedAt: true, settings: true, disabledAt: true },
  });
  if (!row) return null;
  const context = sealContext(row.workspaceId, row.id);
  const current = decryptSecret(row.secretSealed, context, keyring);
  const previous =
    row.previousSecretSealed && row.secretRotatedAt && now - row.secretRotatedAt.getTime() < 24 * 3600_000
      ? { secret: decryptSecret(row.previousSecretSealed, context, keyring), rotatedAt: row.secretRotatedAt }
      : null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    platform: row.platform as Platform,
    disabled: row.disabledAt !== null,
    settings: (row.settings ?? {}) as ConnectorSettings,
    secrets: liveSecrets(current, previous, now),
  };
}

/** The current secret of a connector, for the demo sender and tests only (never shown in the app). */
export async function connectorSecretForSigning(db: Db, connectorId: string, keyring?: Keyring) {
  const row = await db.connector.findFirst({ where: { id: connectorId }, select: { id: true, workspaceId: true, platform: true, secretSealed: true, settings: true } });
  if (!row) return null;
  return { platform: row.platform as Platform, workspaceId: row.workspaceId, settings: (row.settings ?? {}) as ConnectorSettings, secret: decryptSecret(row.secretSealed, sealContext(row.workspaceId, row.id), keyring) };
}

export type DeliveryResult = 'accepted' | 'duplicate' | 'ignored' | 'rejected';

export type DeliveryLog = {
  workspaceId: string;
  connectorId: string;
  receivedAt: Date;
  eventType: string | null;
  callExternalId: string | null;
  result: DeliveryResult;
  reason: string | null;
  /** Already deflated. */
  payload: Uint8Array | null;
};

export async function recordDelivery(db: Db, log: DeliveryLog): Promise<void> {
  await db.connectorDelivery.create({
    data: {
      workspaceId: log.workspaceId,
      connectorId: log.connectorId,
      receivedAt: log.receivedAt,
      eventType: log.eventType?.slice(0, 100) ?? null,
      callExternalId: log.callExternalId?.slice(0, 255) ?? null,
      result: log.result,
      reason: log.reason?.slice(0, 500) ?? null,
      payload: log.payload ? new Uint8Array(log.payload) : null,
    },
  });
}

export type ConnectorSummary = {
  id: string;
  platform: Platform;
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
  secretRotatedAt: Date | null;
  path: string;
  lastDeliveryAt: Date | null;
  last24h: { accepted: number; rejected: number; ignored: number };
};

/** A workspace's connectors, oldest first, each with its last delivery and the last 24 h's counts. */
export async function listConnectors(db: Db, workspaceId: string, now = new Date()): Promise<ConnectorSummary[]> {
  const rows = await db.connector.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, platform: true, name: true, createdAt: true, disabledAt: true, secretRotatedAt: true },
  });
  if (rows.length === 0) return [];
  const since = new Date(now.getTime() - 24 * 3600_000);
  const stats = await db.$queryRaw<{ connector_id: string; last: Date | null; accepted: number; rejected: number; ignored: number }[]>(Prisma.sql`
    SELECT connector_id::text AS connector_id,
           max(received_at) AS last,
           count(*) FILTER (WHERE received_at >= ${since} AND result IN ('accepted', 'duplicate'))::int AS accepted,
           count(*) FILTER (WHERE received_at >= ${since} AND result = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE received_at >= ${since} AND result = 'ignored')::int AS ignored
    FROM connector_deliveries
    WHERE workspace_id = ${workspaceId}::uuid
    GROUP BY connector_id`);
  const byId = new Map(stats.map((s) => [s.connector_id, s]));
  return rows.map((row) => {
    const s = byId.get(row.id);
    return {
      ...row,
      platform: row.platform as Platform,
      path: webhookPath(row.platform as Platform, row.id),
      lastDeliveryAt: s?.last ?? null,
      last24h: { accepted: s?.accepted ?? 0, rejected: s?.rejected ?? 0, ignored: s?.ignored ?? 0 },
    };
  });
}

export type DeliveryRow = { id: string; receivedAt: Date; eventType: string | null; callExternalId: string | null; result: DeliveryResult; reason: string | null };

export async function listDeliveries(db: Db, workspaceId: string, connectorId: string, limit = 50): Promise<DeliveryRow[]> {
  const rows = await db.connectorDelivery.findMany({
    where: { workspaceId, connectorId },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, receivedAt: true, eventType: true, callExternalId: true, result: true, reason: true },
  });
  return rows.map((r) => ({ ...r, result: r.result as DeliveryResult }));
}

/** Deletes delivery log rows (and so their kept payloads) older than 35 days; returns how many. */
export async function pruneDeliveries(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 86_400_000);
  return db.$executeRaw(Prisma.sql`DELETE FROM connector_deliveries WHERE received_at < ${cutoff}`);
}

/** Seals every connector secret with the current SECRETS_KEY (after a key rotation); returns how many changed. */
export async function reencryptConnectorSecrets(db: Db, keyring?: Keyring): Promise<number> {
  const rows = await db.connector.findMany({ select: { id: true, workspaceId: true, secretSealed: true, previousSecretSealed: true }, orderBy: [{ workspaceId: 'asc' }, { id: 'asc' }] });
  let changed = 0;
  for (const row of rows) {
    const context = sealContext(row.workspaceId, row.id);
    const secret = reencryptSecret(row.secretSealed, context, keyring);
    const previous = row.previousSecretSealed ? reencryptSecret(row.previousSecretSealed, context, keyring) : null;
    if (!secret && !previous) continue;
    await db.connector.update({ where: { workspaceId_id: { workspaceId: row.workspaceId, id: row.id } }, data: { ...(secret ? { secretSealed: secret } : {}), ...(previous ? { previousSecretSealed: previous } : {}) } });
    changed++;
  }
  return changed;
}
