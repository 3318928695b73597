import type { OutboxRow } from '@/lib/delivery/outbox';
import { COMPARATOR_SYMBOLS, METRIC_LABELS, type AlertChannel, type AlertMetric, type Comparator } from './definitions';

/** What an alert notification says, by email and by webhook (one JSON shape, Standard Webhooks' {type, timestamp, data}). */

export type Transition = 'fired' | 'renotify' | 'resolved' | 'test';

export type NoticeRule = {
  id: string;
  workspaceId: string | null;
  name: string;
  metric: AlertMetric;
  comparator: Comparator;
  threshold: string;
  windowMinutes: number;
  agentId: string | null;
  provider: string | null;
  channels: AlertChannel[];
};

export type NoticeEvent = { id: string; firedAt: Date; value: number; calls: number; subject: string | null; resolvedAt?: Date | null; resolvedReason?: string | null; resolvedValue?: number | null };

export type Notice = { rule: NoticeRule; event: NoticeEvent; transition: Transition; at: Date; workspace: { name: string; slug: string } | null; sequence?: number };

export function appUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
}

const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function describe(rule: NoticeRule): string {
  const filters = [rule.agentId ? `agent ${rule.agentId}` : null, rule.provider ? `provider ${rule.provider}` : null].filter(Boolean).join(', ');
  return `${METRIC_LABELS[rule.metric]} ${COMPARATOR_SYMBOLS[rule.comparator]} ${Number(rule.threshold)} over ${rule.windowMinutes} min${filters ? ` (${filters})` : ''}`;
}

function subjectOf(n: Notice): string {
  const where = n.workspace ? ` – ${n.workspace.name}` : ' – platform';
  const about = n.event.subject ? ` (${n.event.subject})` : '';
  if (n.transition === 'resolved') return `[Resolved] ${n.rule.name}${about}${where}`;
  if (n.transition === 'test') return `[Test] ${n.rule.name}${where}`;
  return `[Firing] ${n.rule.name}${about}: ${round(n.event.value)}${where}`;
}

function textOf(n: Notice, link: string): string {
  const lines = [
    n.transition === 'resolved'
      ? `The alert "${n.rule.name}" is resolved${n.event.resolvedReason === 'no_data' ? ' (not enough calls to evaluate it any more)' : ''}.`
      : n.transition === 'test'
        ? `This is a test of the alert "${n.rule.name}". Nothing is firing.`
        : `The alert "${n.rule.name}" is firing${n.transition === 'renotify' ? ' (still)' : ''}.`,
    '',
    `Rule: ${describe(n.rule)}`,
    ...(n.event.subject ? [`Provider: ${n.event.subject}`] : []),
    `Value: ${round(n.event.value)} over ${n.event.calls} calls`,
    `Fired at: ${n.event.firedAt.toISOString()}`,
    ...(n.event.resolvedAt ? [`Resolved at: ${n.event.resolvedAt.toISOString()}${n.event.resolvedValue != null ? ` (value ${round(n.event.resolvedValue)})` : ''}`] : []),
    '',
    `Alert history: ${link}`,
  ];
  return lines.join('\n');
}

/** The webhook body: no internal ids beyond the rule's and the alert's own. */
export function webhookBody(n: Notice): Record<string, unknown> {
  return {
    type: `alert.${n.transition}`,
    timestamp: n.at.toISOString(),
    data: {
      workspace: n.workspace,
      rule: {
        id: n.rule.id,
        name: n.rule.name,
        metric: n.rule.metric,
        comparator: n.rule.comparator,
        threshold: Number(n.rule.threshold),
        window_minutes: n.rule.windowMinutes,
        filters: { ...(n.rule.agentId ? { agent_id: n.rule.agentId } : {}), ...(n.rule.provider ? { provider: n.rule.provider } : {}) },
      },
      alert: {
        id: n.event.id,
        state: n.transition === 'resolved' ? 'resolved' : n.transition === 'test' ? 'test' : 'firing',
        value: n.event.value,
        calls: n.event.calls,
        subject: n.event.subject,
        fired_at: n.event.firedAt.toISOString(),
        resolved_at: n.event.resolvedAt?.toISOString() ?? null,
        resolved_reason: n.event.resolvedReason ?? null,
      },
    },
  };
}

/**
 * One outbox row per channel of the rule for this transition. The key names the rule,
 * the alert (one per firing) and the transition (renotify: its sequence number), so the
 * same transition is never written twice.
 */
export function noticeRows(n: Notice, env: Record<string, string | undefined> = process.env): OutboxRow[] {
  const link = n.rule.workspaceId ? `${appUrl(env)}/workspaces/${n.rule.workspaceId}/alerts` : `${appUrl(env)}/admin/alerts`;
  const step = n.transition === 'renotify' ? `renotify:${n.sequence ?? 0}` : n.transition;
  const base = `alert:${n.rule.id}:${n.event.id}:${step}`;
  return n.rule.channels.map((channel, index): OutboxRow => {
    const common = { workspaceId: n.rule.workspaceId, idempotencyKey: `${base}:${index}`, kind: `alert.${n.transition}`, ruleId: n.rule.id };
    if (channel.type === 'email') return { ...common, channel: 'email', payload: { to: channel.to, subject: subjectOf(n), text: textOf(n, link) } };
    return { ...common, channel: 'webhook', payload: { url: channel.url, body: webhookBody(n) } };
  });
}
