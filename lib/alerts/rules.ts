import { recordAudit, type AuditActor } from '@/lib/audit';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertPublicUrl, UnsafeUrlError } from '@/lib/delivery/ssrf';
import { webhookSecretContext } from '@/lib/delivery/outbox';
import { newWebhookSecret } from '@/lib/delivery/webhook';
import { encryptSecret } from '@/lib/secrets';
import { badRequest } from '@/lib/api/errors';
import type { AlertChannel, AlertState, Comparator } from './definitions';
import { workspaceRuleBody, platformRuleBody, type PlatformRuleBody, type RulePatch, type WorkspaceRuleBody } from './schema';

/** Alert rules: create, list, change, delete, each audited in its own transaction. `workspaceId` null = platform rules. */

const SELECT = {
  id: true, workspaceId: true, name: true, metric: true, windowMinutes: true, comparator: true, threshold: true, minCalls: true,
  agentId: true, provider: true, channels: true, renotifyMinutes: true, enabled: true, state: true, stateSince: true,
  lastValue: true, lastCalls: true, lastEvaluatedAt: true, createdAt: true, updatedAt: true, webhookSecret: true,
} as const;

type Row = Prisma.AlertRuleGetPayload<{ select: typeof SELECT }>;

/** The API's rule: the body's names (issue 16 "Interfaces") plus state; the webhook secret only as "has one". */
export function ruleJson(row: Row) {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    window_minutes: row.windowMinutes,
    comparator: row.comparator as Comparator,
    threshold: Number(row.threshold),
    min_calls: row.minCalls,
    filters: { ...(row.agentId ? { agent_id: row.agentId } : {}), ...(row.provider ? { provider: row.provider } : {}) },
    channels: row.channels as AlertChannel[],
    renotify_minutes: row.renotifyMinutes,
    enabled: row.enabled,
    state: row.state as AlertState,
    state_since: row.stateSince,
    last_value: row.lastValue,
    last_calls: row.lastCalls,
    last_evaluated_at: row.lastEvaluatedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
export type RuleJson = ReturnType<typeof ruleJson>;

export async function listRules(db: Db, workspaceId: string | null) {
  const rows = await db.alertRule.findMany({ where: { workspaceId }, select: SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(ruleJson);
}

export async function findRule(db: Db, workspaceId: string | null, id: string) {
  const row = await db.alertRule.findFirst({ where: { id, workspaceId }, select: SELECT });
  return row ? ruleJson(row) : null;
}

/** Webhook URLs must not reach our own network (SSRF): 400 naming the channel's url field. */
async function checkChannels(channels: AlertChannel[]): Promise<void> {
  for (const [index, channel] of channels.entries()) {
    if (channel.type !== 'webhook') continue;
    try {
      await assertPublicUrl(channel.url);
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw badRequest(`channels.${index}.url`, `channels.${index}.url: ${error.message}`);
      throw error;
    }
  }
}

/** An agent filter must name an agent of the same workspace (another workspace's id reads as unknown). */
async function checkAgent(db: Db, workspaceId: string | null, agentId: string | null | undefined): Promise<void> {
  if (!agentId || !workspaceId) return;
  const agent = await db.voiceAgent.findFirst({ where: { id: agentId, workspaceId }, select: { id: true } });
  if (!agent) throw badRequest('filters.agent_id', 'filters.agent_id: no such agent in this workspace');
}

const hasWebhook = (channels: AlertChannel[]) => channels.some((c) => c.type === 'webhook');

export type RuleInput = WorkspaceRuleBody | PlatformRuleBody;

/** Creates a rule; when it has a webhook channel, answers the signing secret once (stored sealed). */
export async function createRule(db: Db, workspaceId: string | null, body: RuleInput, actor: AuditActor, now = new Date()) {
  await checkChannels(body.channels);
  const agentId = body.filters && 'agent_id' in body.filters ? (body.filters.agent_id ?? null) : null;
  await checkAgent(db, workspaceId, agentId);
  const secret = hasWebhook(body.channels) ? newWebhookSecret() : null;
  return db.$transaction(async (tx) => {
    const created = await tx.alertRule.create({
      data: {
        workspaceId,
        name: body.name,
        metric: body.metric,
        windowMinutes: body.window_minutes,
        comparator: body.comparator,
        threshold: String(body.threshold),
        minCalls: body.min_calls,
        agentId,
        provider: body.filters?.provider ?? null,
        channels: body.channels as Prisma.InputJsonValue,
        renotifyMinutes: body.renotify_minutes,
        enabled: body.enabled,
        stateSince: now,
      },
      select: { id: true },
    });
    const row = await tx.alertRule.update({
      where: { id: created.id },
      data: secret ? { webhookSecret: encryptSecret(secret, webhookSecretContext(created.id)) } : {},
      select: SELECT,
    });
    await recordAudit(tx, { actor, action: 'alert_rule.created', workspaceId, targetType: 'alert_rule', targetId: row.id, details: auditDetails(row) });
    return { rule: ruleJson(row), webhook_secret: secret };
  });
}

function auditDetails(row: Row): Prisma.InputJsonValue {
  const json = ruleJson(row);
  // Webhook URLs may carry tokens in their query: the trail keeps the origin only.
  const channels = json.channels.map((c) => (c.type === 'webhook' ? { type: 'webhook', url: new URL(c.url).origin } : c));
  return { name: json.name, metric: json.metric, window_minutes: json.window_minutes, comparator: json.comparator, threshold: json.threshold, min_calls: json.min_calls, filters: json.filters, channels, enabled: json.enabled };
}

/**
 * Changes a rule. The merged rule is validated again as a whole; an open alert is closed
 * (reason rule_changed) when the condition changed, so the history never shows a firing
 * under a rule it no longer matches. A webhook channel added to a rule without a secret
 * gets one, answered once.
 */
export async function updateRule(db: Db, workspaceId: string | null, id: string, patch: RulePatch, actor: AuditActor, now = new Date()) {
  const current = await db.alertRule.findFirst({ where: { id, workspaceId }, select: SELECT });
  if (!current) return null;
  const before = ruleJson(current);
  const mergedFilters = { ...before.filters, ...(patch.filters ?? {}) } as Record<string, unknown>;
  for (const key of Object.keys(mergedFilters)) if (mergedFilters[key] === null) delete mergedFilters[key];
  const merged = {
    name: patch.name ?? before.name,
    metric: patch.metric ?? before.metric,
    window_minutes: patch.window_minutes ?? before.window_minutes,
    comparator: patch.comparator ?? before.comparator,
    threshold: patch.threshold ?? before.threshold,
    min_calls: patch.min_calls ?? before.min_calls,
    filters: mergedFilters,
    channels: patch.channels ?? before.channels,
    renotify_minutes: patch.renotify_minutes ?? before.renotify_minutes,
    enabled: patch.enabled ?? before.enabled,
  };
  const parsed = (workspaceId ? workspaceRuleBody : platformRuleBody).safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    throw badRequest(field, `${field}: ${issue.message}`);
  }
  const body = parsed.data as RuleInput;
  if (patch.channels) await checkChannels(body.channels);
  const agentId = body.filters && 'agent_id' in body.filters ? (body.filters.agent_id ?? null) : null;
  await checkAgent(db, workspaceId, agentId);
  const secret = hasWebhook(body.channels) && !current.webhookSecret ? newWebhookSecret() : null;
  const conditionChanged =
    body.metric !== before.metric || body.window_minutes !== before.window_minutes || body.comparator !== before.comparator ||
    body.threshold !== before.threshold || body.min_calls !== before.min_calls || agentId !== (current.agentId ?? null) ||
    (body.filters?.provider ?? null) !== (current.provider ?? null) || body.enabled !== before.enabled;
  return db.$transaction(async (tx) => {
    if (conditionChanged) {
      await tx.alertEvent.updateMany({ where: { ruleId: id, resolvedAt: null }, data: { resolvedAt: now, resolvedReason: 'rule_changed' } });
    }
    const row = await tx.alertRule.update({
      where: { id },
      data: {
        name: body.name,
        metric: body.metric,
        windowMinutes: body.window_minutes,
        comparator: body.comparator,
        threshold: String(body.threshold),
        minCalls: body.min_calls,
        agentId,
        provider: body.filters?.provider ?? null,
        channels: body.channels as Prisma.InputJsonValue,
        renotifyMinutes: body.renotify_minutes,
        enabled: body.enabled,
        ...(secret ? { webhookSecret: encryptSecret(secret, webhookSecretContext(id)) } : {}),
        ...(conditionChanged ? { state: 'pending', stateSince: now, lastEvaluatedAt: null } : {}),
      },
      select: SELECT,
    });
    await recordAudit(tx, { actor, action: 'alert_rule.updated', workspaceId, targetType: 'alert_rule', targetId: id, details: { before: auditDetails(current), after: auditDetails(row) } });
    return { rule: ruleJson(row), webhook_secret: secret };
  });
}

/** Deletes a rule; its history stays (rule_id set null, name kept), an open alert is closed (rule_deleted). */
export async function deleteRule(db: Db, workspaceId: string | null, id: string, actor: AuditActor, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.alertRule.findFirst({ where: { id, workspaceId }, select: SELECT });
    if (!row) return false;
    await tx.alertEvent.updateMany({ where: { ruleId: id, resolvedAt: null }, data: { resolvedAt: now, resolvedReason: 'rule_deleted' } });
    await tx.alertRule.delete({ where: { id } });
    await recordAudit(tx, { actor, action: 'alert_rule.deleted', workspaceId, targetType: 'alert_rule', targetId: id, details: auditDetails(row) });
    return true;
  });
}
