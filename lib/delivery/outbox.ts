import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { decryptSecret } from '@/lib/secrets';
import { GIVE_UP_AFTER_MS, retryDelayMs } from './backoff';
import { mailConfig, sendMail, type Mail } from './email';
import { renderReportAttachments, type ReportAttachmentSpec } from './report-files';
import { postWebhook, signWebhook } from './webhook';

/**
 * The outbox (METRICS.md "Outbox"). Every email and webhook is a row written in the
 * transaction of the state change that caused it, keyed by an idempotency key (rule +
 * transition, workspace + report + period): a second writer of the same key adds nothing.
 * The job `alerts` sends what is due, retrying with exponential backoff and giving up
 * (status failed, kept and shown) 24 h after the row was written.
 */

export type EmailPayload = Mail & { attachments?: never; reports?: ReportAttachmentSpec[] };
export type WebhookPayload = { url: string; body: Record<string, unknown> };

export type OutboxRow = {
  workspaceId: string | null;
  idempotencyKey: string;
  kind: string;
  ruleId?: string | null;
} & ({ channel: 'email'; payload: EmailPayload } | { channel: 'webhook'; payload: WebhookPayload });

type Writer = Pick<Db, 'outboxMessage'>;

/** Writes messages; a key already present is skipped (the unique index decides, not a read before). */
export async function enqueue(db: Writer, rows: OutboxRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await db.outboxMessage.createMany({
    data: rows.map((row) => ({
      workspaceId: row.workspaceId,
      channel: row.channel,
      idempotencyKey: row.idempotencyKey,
      kind: row.kind,
      ruleId: row.ruleId ?? null,
      payload: row.payload as unknown as Prisma.InputJsonValue,
      nextAttemptAt: now,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** How long a claim lasts: a sender that died mid-send frees its messages after this. */
export const CLAIM_MS = 2 * 60_000;

type Claimed = {
  id: string;
  workspace_id: string | null;
  channel: string;
  idempotency_key: string;
  kind: string;
  rule_id: string | null;
  payload: unknown;
  attempts: number;
  created_at: Date;
};

export type DeliverySummary = { sent: number; retried: number; failed: number };

/**
 * Sends every message that is due. Rows are claimed with FOR UPDATE SKIP LOCKED and a
 * claim deadline, so two senders never take the same row; a row whose sender died is
 * claimed again once its deadline passed and re-sent with the same webhook-id /
 * Message-ID, which receivers use to drop the duplicate (Standard Webhooks' rule).
 */
export async function deliverDue(db: Db, now: Date, env: Record<string, string | undefined> = process.env, limit = 100): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retried: 0, failed: 0 };
  const claimUntil = new Date(now.getTime() + CLAIM_MS);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE outbox_messages o SET status = 'sending', claimed_until = ${claimUntil}::timestamptz, attempts = o.attempts + 1
    WHERE o.id IN (
      SELECT id FROM outbox_messages
      WHERE (status = 'pending' AND next_attempt_at <= ${now}::timestamptz)
         OR (status = 'sending' AND claimed_until < ${now}::timestamptz)
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.workspace_id, o.channel, o.idempotency_key, o.kind, o.rule_id, o.payload, o.attempts, o.created_at`;
  // Targets that could not be reached in this run (the mail server, a webhook's origin):
  // their other messages wait for the next attempt instead of each timing out in turn.
  const unreachable = new Map<string, string>();
  for (const message of claimed) {
    let outcome: { ok: boolean; error?: string; status?: number | null };
    const target = targetOf(message);
    const down = unreachable.get(target);
    try {
      outcome = down ? { ok: false, error: `${down} (not tried again in this run)` } : await send(db, message, now, env);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!outcome.ok && !down && outcome.status == null && outcome.error && UNREACHABLE.test(outcome.error)) unreachable.set(target, outcome.error);
    if (outcome.ok) {
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: 'sent', sentAt: now, claimedUntil: null, lastError: null, lastStatusCode: outcome.status ?? null },
      });
      summary.sent++;
      continue;
    }
    const giveUp = now.getTime() - message.created_at.getTime() >= GIVE_UP_AFTER_MS;
    await db.outboxMessage.update({
      where: { id: message.id },
      data: {
        status: giveUp ? 'failed' : 'pending',
        claimedUntil: null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
        lastError: (outcome.error ?? 'failed').slice(0, 1000),
        lastStatusCode: outcome.status ?? null,
      },
    });
    if (giveUp) summary.failed++;
    else summary.retried++;
  }
  return summary;
}

/** Connection-level failures (not an answer from the other side). */
const UNREACHABLE = /ECONNREFUSED|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|timeout|no answer within|Greeting never received|Connection closed/i;

function targetOf(message: Claimed): string {
  if (message.channel === 'email') return 'smtp';
  try {
    return `webhook:${new URL((message.payload as WebhookPayload).url).origin}`;
  } catch {
    return `webhook:${message.id}`;
  }
}

async function send(db: Db, message: Claimed, now: Date, env: Record<string, string | undefined>) {
  if (message.channel === 'email') {
    const config = mailConfig(env);
    if (!config) return { ok: false, error: 'email is not configured: set SMTP_URL (and MAIL_FROM)' };
    const payload = message.payload as EmailPayload;
    const attachments = payload.reports?.length ? await renderReportAttachments(db, message.workspace_id, payload.reports, now) : undefined;
    await sendMail(config, message.idempotency_key, { to: payload.to, subject: payload.subject, text: payload.text, attachments });
    return { ok: true };
  }
  const payload = message.payload as WebhookPayload;
  const secret = await webhookSecretOf(db, message.rule_id);
  if (!secret) return { ok: false, error: 'the rule of this webhook was deleted: nothing to sign with' };
  const body = JSON.stringify(payload.body);
  // webhook-id is the message's own id: the same on every retry, so receivers can dedupe.
  // The timestamp is the wall clock of this attempt (receivers refuse stale ones), not the job's `now`.
  const headers = signWebhook(secret, `msg_${message.id.replace(/-/g, '')}`, new Date(), body);
  return postWebhook(payload.url, headers, body, env);
}

export const webhookSecretContext = (ruleId: string) => `alert-rule:${ruleId}`;

async function webhookSecretOf(db: Db, ruleId: string | null): Promise<string | null> {
  if (!ruleId) return null;
  const rule = await db.alertRule.findUnique({ where: { id: ruleId }, select: { webhookSecret: true } });
  return rule?.webhookSecret ? decryptSecret(rule.webhookSecret, webhookSecretContext(ruleId)) : null;
}
