import { z } from 'zod';
import { COMPARATORS, DEFAULT_RENOTIFY_MINUTES, MAX_WINDOW_MINUTES, MIN_WINDOW_MINUTES, PLATFORM_METRICS, WORKSPACE_METRICS } from './definitions';

/** The JSON body of a rule (issue 16 "Interfaces"): validated here for the API and the Settings form alike. */

const listOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

const httpUrl = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without credentials');

export const channelSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('email'),
      to: z.array(z.email('must be an email address').max(320)).min(1, 'needs at least one address').max(20, 'at most 20 addresses'),
    }),
    z.strictObject({ type: z.literal('webhook'), url: httpUrl }),
  ],
  { error: 'type must be email or webhook' },
);

const threshold = z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number').refine((n) => Math.abs(n) < 1e12, 'is out of range');
const windowMinutes = z
  .number({ error: 'must be a number of minutes' })
  .int('must be a whole number of minutes')
  .min(MIN_WINDOW_MINUTES, `must be between ${MIN_WINDOW_MINUTES} and ${MAX_WINDOW_MINUTES} minutes`)
  .max(MAX_WINDOW_MINUTES, `must be between ${MIN_WINDOW_MINUTES} and ${MAX_WINDOW_MINUTES} minutes`);
const minCalls = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1000000');
const renotify = z.number({ error: 'must be a number of minutes' }).int('must be a whole number of minutes').min(5, 'must be between 5 and 10080 minutes').max(10_080, 'must be between 5 and 10080 minutes');
const provider = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

const fields = {
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  window_minutes: windowMinutes,
  comparator: z.enum(COMPARATORS, listOf(COMPARATORS)),
  threshold,
  min_calls: minCalls.default(0),
  channels: z.array(channelSchema).max(10, 'at most 10 channels').default([]),
  renotify_minutes: renotify.default(DEFAULT_RENOTIFY_MINUTES),
  enabled: z.boolean({ error: 'must be true or false' }).default(true),
};

export const workspaceRuleBody = z.strictObject({
  ...fields,
  metric: z.enum(WORKSPACE_METRICS, listOf(WORKSPACE_METRICS)),
  filters: z.strictObject({ agent_id: z.uuid('must be a UUID').optional(), provider: provider.optional() }).optional(),
});
export type WorkspaceRuleBody = z.output<typeof workspaceRuleBody>;

export const platformRuleBody = z.strictObject({
  ...fields,
  metric: z.enum(PLATFORM_METRICS, listOf(PLATFORM_METRICS)),
  // Without a provider the rule watches every provider and fires for the worst one.
  filters: z.strictObject({ provider: provider.optional() }).optional(),
});
export type PlatformRuleBody = z.output<typeof platformRuleBody>;

/** PATCH: any subset of the fields (defaults do not apply); the merged rule is validated again. */
export const workspaceRulePatch = workspaceRuleBody
  .extend({ min_calls: minCalls, channels: z.array(channelSchema).max(10, 'at most 10 channels'), renotify_minutes: renotify, enabled: z.boolean({ error: 'must be true or false' }) })
  .partial()
  .extend({ filters: z.strictObject({ agent_id: z.uuid('must be a UUID').nullable().optional(), provider: provider.nullable().optional() }).optional() });
export const platformRulePatch = platformRuleBody
  .extend({ min_calls: minCalls, channels: z.array(channelSchema).max(10, 'at most 10 channels'), renotify_minutes: renotify, enabled: z.boolean({ error: 'must be true or false' }) })
  .partial()
  .extend({ filters: z.strictObject({ provider: provider.nullable().optional() }).optional() });
export type RulePatch = z.output<typeof workspaceRulePatch> | z.output<typeof platformRulePatch>;
