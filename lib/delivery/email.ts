import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Email through SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.com:587 or
 * smtps://…:465; MAIL_FROM the sender). Without SMTP_URL email is "not configured": the
 * channel says so in Settings, and messages wait in the outbox (retried, then failed
 * after 24 h, visible) instead of being dropped.
 */
export type MailConfig = { url: string; from: string };

export function mailConfig(env: Record<string, string | undefined> = process.env): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.MAIL_FROM?.trim() || 'VoiceDash <alerts@localhost>' };
}

export type Attachment = { filename: string; content: Buffer | string; contentType: string };
export type Mail = { to: string[]; subject: string; text: string; attachments?: Attachment[] };

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: a dead mail server must not hold the job; the outbox retries later.
    transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends one message. Its Message-ID is derived from the outbox idempotency key, so a
 * re-send after a crash carries the same id and mail systems can drop the duplicate.
 */
export async function sendMail(config: MailConfig, idempotencyKey: string, mail: Mail): Promise<void> {
  const id = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  await transportFor(config.url).sendMail({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: `<${id}@voicedash>`,
    attachments: mail.attachments,
  });
}
