import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import { enqueue } from '@/lib/delivery/outbox';
import { noticeRule } from './evaluate';
import { noticeRows } from './messages';

/**
 * "Send test": one message per channel of the rule through the outbox (so it is signed,
 * retried and listed like any other), with a fresh key each time it is asked for.
 */
export async function queueTestNotice(db: Db, workspaceId: string | null, ruleId: string, now = new Date()): Promise<number | null> {
  const rule = await db.alertRule.findFirst({ where: { id: ruleId, workspaceId }, include: { workspace: { select: { name: true, slug: true } } } });
  if (!rule) return null;
  const event = { id: `test-${randomUUID()}`, firedAt: now, value: rule.lastValue ?? 0, calls: rule.lastCalls ?? 0, subject: null };
  const rows = noticeRows({ rule: noticeRule(rule), event, transition: 'test', at: now, workspace: rule.workspace });
  return enqueue(db, rows, now);
}
