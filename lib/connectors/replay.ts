import { CLI_ACTOR, recordAudit, type AuditActor } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ingestEvents } from '@/lib/ingest';
import { mapDelivery } from './map';
import { deliveryEvent, inflatePayload, resultOf } from './receive';
import type { DeliveryResult } from './store';
import type { Platform } from './verify';
import { parseJsonStrippingNul } from '@/lib/api/json-text';

/**
 * Re-maps a connector's kept deliveries (received since `since`, oldest first) with
 * today's mapping and writes them through the ingestion core again, e.g. after a mapping
 * fix. Each replayed delivery is a new event (`.replay-<stamp>` after its id), so it is
 * not skipped as a duplicate, and since its id sorts after the original's, at equal
 * times its fields win; usage lines are replaced by (call, cost item) as always, so a
 * replay never adds cost twice. Each replay is written to the audit log (who, since when,
 * what it did), since it can change figures already shown.
 */
export async function replayDeliveries(db: Db, connectorId: string, since: Date, stamp = new Date(), actor: AuditActor = CLI_ACTOR) {
  const connector = await db.connector.findFirst({ where: { id: connectorId }, select: { id: true, workspaceId: true, platform: true } });
  if (!connector) return null;
  const platform = connector.platform as Platform;
  const suffix = `.replay-${stamp.toISOString().replace(/\D/g, '').slice(0, 17)}`;
  const counts: Record<DeliveryResult, number> = { accepted: 0, duplicate: 0, ignored: 0, rejected: 0 };
  let cursor: { receivedAt: Date; id: string } | null = null;
  for (;;) {
    const batch: { id: string; receivedAt: Date; payload: Uint8Array | null }[] = await db.connectorDelivery.findMany({
      where: {
        workspaceId: connector.workspaceId,
        connectorId: connector.id,
        payload: { not: null },
        receivedAt: { gte: since },
        ...(cursor ? { OR: [{ receivedAt: { gt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { gt: cursor.id } }] } : {}),
      },
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      take: 200,
      select: { id: true, receivedAt: true, payload: true },
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      const raw = inflatePayload(row.payload!);
      let json: unknown;
      try {
        json = parseJsonStrippingNul(raw.toString('utf8'));
      } catch {
        counts.rejected++;
        continue;
      }
      const mapped = mapDelivery(platform, json, { receivedAt: row.receivedAt });
      if (mapped.result !== 'mapped') {
        counts[mapped.result]++;
        continue;
      }
      const [result] = await ingestEvents(db, { workspaceId: connector.workspaceId, source: platform }, [deliveryEvent(platform, raw, mapped, suffix)]);
      counts[resultOf(result!).status]++;
    }
    const last = batch.at(-1)!;
    cursor = { receivedAt: last.receivedAt, id: last.id };
  }
  await recordAudit(db, {
    actor,
    action: 'connector.replayed',
    workspaceId: connector.workspaceId,
    targetType: 'connector',
    targetId: connector.id,
    details: { platform, since: since.toISOString(), ...counts },
  });
  return { platform, counts };
}
