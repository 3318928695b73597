import type { CallStatus } from '@/lib/generated/prisma/enums';

/**
 * Why a call ended, as each platform says it, → our call status (docs/METRICS.md,
 * "Connectors"). Each platform's reason is also kept verbatim in calls.ended_reason, so a
 * changed rule can be replayed over stored deliveries (npm run ingest:replay).
 *
 * Safe default for a reason we do not know: `completed` when the call connected (it has a
 * positive duration), else `failed`. An unknown reason therefore never turns a real
 * conversation into a failure, nor a call that never connected into a success.
 */

export type EndedOutcome = Extract<CallStatus, 'completed' | 'failed' | 'no_answer' | 'busy' | 'canceled'>;

export function safeDefault(connected: boolean): EndedOutcome {
  return connected ? 'completed' : 'failed';
}

// Vapi: ~630 endedReason values in families. Checked in this order.
const VAPI_COMPLETED = new Set([
  'customer-ended-call',
  'assistant-ended-call',
  'assistant-said-end-call-phrase',
  'assistant-ended-call-after-message-spoken',
  'assistant-ended-call-with-hangup-task',
  'assistant-forwarded-call',
  'silence-timed-out',
  'exceeded-max-duration',
  'max-duration',
]);

/** Vapi `endedReason` → status; null when the reason is unknown (caller applies safeDefault). */
export function classifyVapiEndedReason(reason: string): EndedOutcome | null {
  const r = reason.trim().toLowerCase();
  // Errors of every family: call.start.error-*, call.in-progress.error-*, pipeline-error-*,
  // *-error-*, *-error, error-*, *-failed-*, *-failed, *-closed-websocket, assistant-not-*.
  if (/(^|[.-])error([.-]|$)/.test(r) || r.startsWith('pipeline-') || /(^|[.-])failed([.-]|$)/.test(r) || r.endsWith('-closed-websocket')) {
    return 'failed';
  }
  if (r.startsWith('assistant-not-') || r.endsWith('-not-found') || r === 'assistant-did-not-receive-customer-audio' || r === 'unknown-error') return 'failed';
  if (r === 'customer-busy' || r.endsWith('-busy')) return 'busy';
  if (r === 'customer-did-not-answer' || r.endsWith('-no-answer') || r === 'voicemail' || r.includes('did-not-answer')) return 'no_answer';
  if (r === 'manually-canceled' || r.includes('cancel')) return 'canceled';
  if (VAPI_COMPLETED.has(r) || r.startsWith('assistant-ended-call') || r.startsWith('customer-ended-call')) return 'completed';
  return null;
}

const RETELL: Record<string, EndedOutcome> = {
  user_hangup: 'completed',
  agent_hangup: 'completed',
  call_transfer: 'completed',
  transfer_bridged: 'completed',
  transfer_cancelled: 'completed',
  inactivity: 'completed',
  max_duration_reached: 'completed',
  voicemail_reached: 'no_answer',
  ivr_reached: 'no_answer',
  dial_no_answer: 'no_answer',
  registered_call_timeout: 'no_answer',
  dial_busy: 'busy',
  dial_failed: 'failed',
  concurrency_limit_reached: 'failed',
  no_valid_payment: 'failed',
  scam_detected: 'failed',
  marked_as_spam: 'failed',
  user_declined: 'canceled',
};

/** Retell `disconnection_reason` → status; every `error_*` is failed; null when unknown. */
export function classifyRetellDisconnection(reason: string): EndedOutcome | null {
  const r = reason.trim().toLowerCase();
  if (r.startsWith('error_')) return 'failed';
  return RETELL[r] ?? null;
}

/** Bland `status` (and answered_by) → status; null when unknown. */
export function classifyBlandStatus(status: string, answeredBy: string | null): CallStatus | null {
  const s = status.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const answered = answeredBy?.trim().toLowerCase().replace(/[\s-]+/g, '_') ?? null;
  switch (s) {
    case 'completed':
    case 'complete':
    case 'ended':
    case 'success':
      return answered === 'voicemail' || answered === 'no_answer' ? 'no_answer' : 'completed';
    case 'failed':
    case 'error':
      return 'failed';
    case 'no_answer':
    case 'unanswered':
      return 'no_answer';
    case 'busy':
      return 'busy';
    case 'canceled':
    case 'cancelled':
      return 'canceled';
    case 'queued':
    case 'scheduled':
    case 'new':
      return 'queued';
    case 'ringing':
      return 'ringing';
    case 'in_progress':
    case 'started':
    case 'active':
    case 'ongoing':
      return 'in_progress';
    default:
      return null;
  }
}
