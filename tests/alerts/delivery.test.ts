import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { extractText, getDocumentProxy } from 'unpdf';
import { evaluateAlertRules } from '@/lib/alerts';
import type { Db } from '@/lib/db';
import { retryDelayMs } from '@/lib/delivery/backoff';
import { deliverDue, enqueue } from '@/lib/delivery/outbox';
import { queueDueReports } from '@/lib/delivery/scheduled-reports';
import { assertPublicUrl, isPrivateAddress, UnsafeUrlError } from '@/lib/delivery/ssrf';
import { postWebhook } from '@/lib/delivery/webhook';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { addCalls, addUsage, at, minutes, rule } from './helpers';
import { freePort, startReceiver, startSmtp } from './receivers';

let t: TestDatabase;
let db: Db;
let ws: string;
const ALLOW = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };
beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
  t = await createTestDatabase();
  db = t.db;
  ws = (await db.workspace.create({ data: { name: 'Acme Dental', slug: 'acme', timezone: 'America/New_York', status: 'active' } })).id;
});
afterAll(() => t?.dispose());

async function firingRule(now: Date, channels: unknown[]) {
  await addCalls(db, ws, [{ at: minutes(now, -5), status: 'failed' }, { at: minutes(now, -4), status: 'failed' }, { at: minutes(now, -3), status: 'completed' }]);
  const created = await rule(db, ws, { name: 'Failures', metric: 'failure_rate', comparator: 'gt', threshold: 10, window_minutes: 15, channels }, minutes(now, -30));
  await evaluateAlertRules(db, now, { workspaceId: ws });
  return created;
}

describe('email through a real SMTP server', () => {
  it('an alert email: subject, recipients, the figure in the body', async () => {
    const smtp = await startSmtp();
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'VoiceDash <alerts@voicedash.test>' };
    const now = at('2026-07-01T12:00:00Z');
    await firingRule(now, [{ type: 'email', to: ['ops@example.com', 'cto@example.com'] }]);
    expect(await deliverDue(db, now, env)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.subject).toBe('[Firing] Failures: 66.67 – Acme Dental');
    expect(mail!.envelopeTo.sort()).toEqual(['cto@example.com', 'ops@example.com']);
    expect(mail!.from?.text).toContain('alerts@voicedash.test');
    expect(mail!.text).toContain('Value: 66.67 over 3 calls');
    expect(mail!.messageId).toMatch(/@voicedash>?$/);
    // Sent: nothing more to do.
    expect(await deliverDue(db, minutes(now, 5), env)).toEqual({ sent: 0, retried: 0, failed: 0 });
    await smtp.close();
    await db.alertRule.deleteMany({});
  });

  it('mail server down → retried with backoff, then delivered once when it comes back', async () => {
    const port = await freePort();
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}` };
    const now = at('2026-07-02T12:00:00Z');
    await enqueue(db, [{ workspaceId: ws, channel: 'email', kind: 'test', idempotencyKey: 'down-then-up', payload: { to: ['a@example.com'], subject: 'Hello', text: 'Body' } }], now);
    expect(await deliverDue(db, now, env)).toMatchObject({ sent: 0, retried: 1 });
    let row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'down-then-up' } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.nextAttemptAt).toEqual(new Date(now.getTime() + retryDelayMs(1)));
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: untouched.
    expect(await deliverDue(db, minutes(now, 0.25), env)).toMatchObject({ sent: 0, retried: 0 });
    expect(await deliverDue(db, new Date(row.nextAttemptAt), env)).toMatchObject({ retried: 1 });
    row = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'down-then-up' } });
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime() - new Date(now.getTime() + retryDelayMs(1)).getTime()).toBe(retryDelayMs(2));
    const smtp = await startSmtp(port);
    expect(await deliverDue(db, row.nextAttemptAt, env)).toMatchObject({ sent: 1 });
    expect(await deliverDue(db, minutes(row.nextAttemptAt, 60), env)).toMatchObject({ sent: 0 });
    expect(smtp.mails.map((m) => m.subject)).toEqual(['Hello']);
    await smtp.close();
  });

  it('given up 24 h after it was written: failed and kept', async () => {
    const now = at('2026-07-03T12:00:00Z');
    await enqueue(db, [{ workspaceId: ws, channel: 'email', kind: 'test', idempotencyKey: 'never', payload: { to: ['a@example.com'], subject: 'x', text: 'y' } }], now);
    expect(await deliverDue(db, minutes(now, 24 * 60), { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` })).toMatchObject({ failed: 1 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'never' } })).toMatchObject({ status: 'failed' });
  });

  it('without SMTP_URL email is not configured: the message waits (visible), it is not dropped', async () => {
    const now = at('2026-07-04T12:00:00Z');
    await enqueue(db, [{ workspaceId: ws, channel: 'email', kind: 'test', idempotencyKey: 'no-smtp', payload: { to: ['a@example.com'], subject: 'x', text: 'y' } }], now);
    await deliverDue(db, now, {});
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'no-smtp' } })).toMatchObject({ status: 'pending', lastError: expect.stringContaining('SMTP_URL') });
    await db.outboxMessage.deleteMany({ where: { status: { not: 'sent' } } });
  });

  it('the monthly report on the 1st of the local month: headline figures in the body, the PDF attached and readable; queued once', async () => {
    const smtp = await startSmtp();
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    await addCalls(db, ws, [{ at: at('2026-08-10T15:00:00Z') }, { at: at('2026-08-11T15:00:00Z'), status: 'failed' }]);
    await addUsage(db, ws, [{ at: at('2026-08-10T15:00:00Z'), billed: '12.345000' }]);
    await db.reportSubscription.create({ data: { workspaceId: ws, recipients: ['boss@example.com'], createdAt: at('2026-08-01T00:00:00Z') } });
    // 23:30 on Aug 31 in New York: still August there, nothing due yet.
    expect(await queueDueReports(db, at('2026-09-01T03:30:00Z'))).toEqual({ queued: 0 });
    const first = at('2026-09-01T04:05:00Z'); // 00:05 on Sep 1 in New York
    expect(await queueDueReports(db, first)).toEqual({ queued: 1 });
    expect(await queueDueReports(db, minutes(first, 15))).toEqual({ queued: 0 });
    expect(await deliverDue(db, first, env)).toMatchObject({ sent: 1 });
    const [mail] = smtp.mails;
    expect(mail!.subject).toBe('Acme Dental: monthly report, August 2026');
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain('boss@example.com');
    expect(mail!.text).toContain('Calls: 2 (1 completed, 1 failed)');
    expect(mail!.text).toContain('Billed cost: $12.35');
    expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([['monthly-report-acme-2026-08.pdf', 'application/pdf']]);
    const pdf = await getDocumentProxy(new Uint8Array(mail!.attachments[0]!.content));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Acme Dental');
    expect(text).toContain('August 2026');
    await smtp.close();
  });

  it('the executive summary on the 1st of a quarter, PDF and Markdown', async () => {
    const smtp = await startSmtp();
    const now = at('2026-10-01T04:10:00Z');
    expect(await queueDueReports(db, now)).toEqual({ queued: 2 });
    await deliverDue(db, now, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    const summary = smtp.mails.find((m) => m.subject?.includes('executive summary'))!;
    expect(summary.subject).toBe('Acme Dental: executive summary, Q3 2026 (July – September)');
    expect(summary.attachments.map((a) => a.filename)).toEqual(['executive-summary-acme-2026-Q3.pdf', 'executive-summary-acme-2026-Q3.md']);
    expect(summary.attachments[1]!.content.toString('utf8')).toContain('Acme Dental');
    await smtp.close();
  });
});

describe('webhooks signed per Standard Webhooks', () => {
  it('the signature verifies with the standardwebhooks verifier; a 500 is retried with backoff under the same webhook-id; never sent twice', async () => {
    const receiver = await startReceiver([500]);
    const now = at('2026-07-10T12:00:00Z');
    const { webhook_secret: secret } = await firingRule(now, [{ type: 'webhook', url: receiver.url }]);
    expect(secret).toMatch(/^whsec_/);
    expect(await deliverDue(db, now, ALLOW)).toMatchObject({ retried: 1 });
    const row = await db.outboxMessage.findFirstOrThrow({ where: { channel: 'webhook', kind: 'alert.fired' } });
    expect(row).toMatchObject({ status: 'pending', lastStatusCode: 500, attempts: 1 });
    expect(row.nextAttemptAt).toEqual(new Date(now.getTime() + 30_000));
    expect(await deliverDue(db, minutes(now, 0.5), ALLOW)).toMatchObject({ sent: 1 });
    expect(receiver.hits).toHaveLength(2);
    const [failed, delivered] = receiver.hits;
    expect(delivered!.headers['webhook-id']).toBe(failed!.headers['webhook-id']);
    const payload = new Webhook(secret!).verify(delivered!.body, delivered!.headers as Record<string, string>) as { type: string; data: { alert: { value: number } } };
    expect(payload.type).toBe('alert.fired');
    expect(payload.data.alert.value).toBeCloseTo(66.67, 2);
    expect(() => new Webhook(secret!).verify(delivered!.body.replace('fired', 'resolved'), delivered!.headers as Record<string, string>)).toThrow();
    // Duplicate suppression: evaluating the same minute again and re-queuing the same key add nothing.
    await evaluateAlertRules(db, now, { workspaceId: ws });
    expect(await enqueue(db, [{ workspaceId: ws, channel: 'webhook', kind: 'alert.fired', idempotencyKey: row.idempotencyKey, ruleId: row.ruleId, payload: { url: receiver.url, body: {} } }], now)).toBe(0);
    expect(await deliverDue(db, minutes(now, 10), ALLOW)).toMatchObject({ sent: 0 });
    expect(receiver.hits).toHaveLength(2);
    await receiver.close();
    await db.alertRule.deleteMany({});
  });

  it('a sender that died mid-send: its claim expires and the message goes again with the same webhook-id', async () => {
    const receiver = await startReceiver();
    const now = at('2026-07-11T12:00:00Z');
    const { rule: created } = await firingRule(now, [{ type: 'webhook', url: receiver.url }]);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { status: 'pending', ruleId: created.id } });
    await db.outboxMessage.update({ where: { id: row.id }, data: { status: 'sending', claimedUntil: minutes(now, 2) } });
    expect(await deliverDue(db, minutes(now, 1), ALLOW)).toMatchObject({ sent: 0 });
    expect(await deliverDue(db, minutes(now, 3), ALLOW)).toMatchObject({ sent: 1 });
    expect(receiver.hits[0]!.headers['webhook-id']).toBe(`msg_${row.id.replace(/-/g, '')}`);
    await receiver.close();
    await db.alertRule.deleteMany({});
  });
});

describe('SSRF guard', () => {
  it('refuses loopback, private, link-local and mapped addresses unless the operator allows them', async () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    await expect(assertPublicUrl('http://127.0.0.1:8080/x', {})).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(assertPublicUrl('http://[::1]/x', {})).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(assertPublicUrl('http://localhost/x', {})).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(assertPublicUrl('http://127.0.0.1:8080/x', ALLOW)).resolves.toBeUndefined();
  });

  it('is checked again on the socket: a delivery to loopback without the setting fails', async () => {
    const receiver = await startReceiver();
    const result = await postWebhook(receiver.url.replace('127.0.0.1', 'localhost'), {}, '{}', {});
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/private/);
    expect(receiver.hits).toHaveLength(0);
    await receiver.close();
  });
});

describe('one unreachable target does not hold the run', () => {
  it('after the mail server refused once, the run defers its other emails without trying them', async () => {
    const now = at('2026-07-20T12:00:00Z');
    const env = { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` };
    await enqueue(db, [1, 2, 3].map((n) => ({ workspaceId: ws, channel: 'email' as const, kind: 'test', idempotencyKey: `burst-${n}`, payload: { to: ['a@example.com'], subject: `m${n}`, text: 'x' } })), now);
    expect(await deliverDue(db, now, env)).toMatchObject({ sent: 0, retried: 3 });
    const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: 'burst-' } }, orderBy: { idempotencyKey: 'asc' } });
    expect(rows.filter((r) => r.lastError?.includes('not tried again in this run'))).toHaveLength(2);
    await db.outboxMessage.deleteMany({ where: { idempotencyKey: { startsWith: 'burst-' } } });
  });
});
