import { z } from 'zod';
import { id, instant } from './common';

/** Alert endpoints (issue 16): the answers' shapes, for the handlers' types and the contract tests. */

const channel = z.union([z.object({ type: z.literal('email'), to: z.array(z.string()) }), z.object({ type: z.literal('webhook'), url: z.string() })]);

export const alertRuleJson = z.object({
  id,
  name: z.string(),
  metric: z.string(),
  window_minutes: z.number().int(),
  comparator: z.enum(['gt', 'gte', 'lt', 'lte']),
  threshold: z.number(),
  min_calls: z.number().int(),
  filters: z.object({ agent_id: id.optional(), provider: z.string().optional() }),
  channels: z.array(channel),
  renotify_minutes: z.number().int(),
  enabled: z.boolean(),
  state: z.enum(['pending', 'ok', 'firing', 'no_data']),
  state_since: instant,
  last_value: z.number().nullable(),
  last_calls: z.number().int().nullable(),
  last_evaluated_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
});

export const alertDeliveryJson = z.object({
  id,
  channel: z.enum(['email', 'webhook']),
  kind: z.string(),
  rule_id: id.nullable(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  created_at: instant,
  sent_at: instant.nullable(),
  next_attempt_at: instant.nullable(),
  last_error: z.string().nullable(),
  last_status_code: z.number().int().nullable(),
  target: z.string(),
});

export const alertRuleListResponse = z.object({
  rules: z.array(alertRuleJson),
  deliveries: z.array(alertDeliveryJson),
  channels: z.object({ email: z.enum(['configured', 'not_configured']), webhook: z.literal('configured') }),
});

export const alertHistoryResponse = z.object({
  firing: z.number().int(),
  alerts: z.array(
    z.object({
      id,
      rule_id: id.nullable(),
      rule_name: z.string(),
      metric: z.string(),
      comparator: z.string(),
      threshold: z.number(),
      subject: z.string().nullable(),
      fired_at: instant,
      value: z.number(),
      calls: z.number().int(),
      resolved_at: instant.nullable(),
      resolved_reason: z.string().nullable(),
      resolved_value: z.number().nullable(),
      notifications: z.number().int(),
      state: z.enum(['firing', 'resolved']),
    }),
  ),
});
