import { z } from 'zod';
import { mailConfig } from '@/lib/delivery/email';

/** Route params and shared answers of the alert endpoints. */
export const ruleParams = z.object({ ruleId: z.uuid() });

/** Whether each channel can deliver here: email needs SMTP_URL; without it the channel shows "not configured". */
export function channelStatus(env: Record<string, string | undefined> = process.env) {
  return { email: mailConfig(env) ? 'configured' : 'not_configured', webhook: 'configured' } as const;
}
