import type { Db } from '@/lib/db';
import { enqueue } from '@/lib/delivery/outbox';
import { breaches, type AlertChannel, type AlertMetric, type AlertState, type Comparator } from './definitions';
import { measureRule, type Measurement } from './measure';
import { noticeRows, type Notice, type NoticeRule, type Transition } from './messages';

export type EvaluationSummary = { evaluated: number; fired: number; renotified: number; resolved: number; noData: number; queued: number };

type RuleRow = {
  id: string;
  workspaceId: string | null;
  name: string;
  metric: string;
  windowMinutes: number;
  comparator: string;
  threshold: { toString(): string };
  minCalls: number;
  agentId: string | null;
  provider: string | null;
  channels: unknown;
  renotifyMinutes: number;
  state: string;
  workspace: { name: string; slug: string; timezone: string } | null;
};

/**
 * Evaluates every enabled rule once at `now` (METRICS.md "Alerts"). Per rule: measure
 * outside any transaction, then in one transaction lock the rule row, decide the
 * transition from its state as stored, and write state, history and outbox together.
 * A rule already evaluated in this minute is skipped, so two runs of the job, or a run
 * after downtime, never evaluate (or notify) twice.
 */
export async function evaluateAlertRules(db: Db, now: Date, options: { workspaceId?: string | null } = {}): Promise<EvaluationSummary> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const rules = await db.alertRule.findMany({
    where: {
      enabled: true,
      ...(options.workspaceId !== undefined ? { workspaceId: options.workspaceId } : {}),
      OR: [{ lastEvaluatedAt: null }, { lastEvaluatedAt: { lt: minute } }],
      AND: [{ OR: [{ workspaceId: null }, { workspace: { status: { not: 'cancelled' } } }] }],
    },
    include: { workspace: { select: { name: true, slug: true, timezone: true } } },
    orderBy: { id: 'asc' },
  });
  const summary: EvaluationSummary = { evaluated: 0, fired: 0, renotified: 0, resolved: 0, noData: 0, queued: 0 };
  for (const rule of rules as RuleRow[]) {
    const measurement = await measureRule(db, toMeasured(rule), now, rule.workspace?.timezone ?? 'UTC');
    const result = await applyMeasurement(db, rule, measurement, now, minute);
    if (!result) continue;
    summary.evaluated++;
    summary.queued += result.queued;
    if (result.transition === 'fired') summary.fired++;
    if (result.transition === 'renotify') summary.renotified++;
    if (result.transition === 'resolved') summary.resolved++;
    if (result.state === 'no_data') summary.noData++;
  }
  return summary;
}

function toMeasured(rule: RuleRow) {
  return {
    workspaceId: rule.workspaceId,
    metric: rule.metric as AlertMetric,
    windowMinutes: rule.windowMinutes,
    comparator: rule.comparator as Comparator,
    minCalls: rule.minCalls,
    agentId: rule.agentId,
    provider: rule.provider,
  };
}

export function noticeRule(rule: RuleRow | (Omit<RuleRow, 'workspace' | 'state' | 'renotifyMinutes' | 'minCalls'> & Record<string, unknown>)): NoticeRule {
  return {
    id: rule.id,
    workspaceId: rule.workspaceId,
    name: rule.name,
    metric: rule.metric as AlertMetric,
    comparator: rule.comparator as Comparator,
    threshold: rule.threshold.toString(),
    windowMinutes: rule.windowMinutes,
    agentId: rule.agentId,
    provider: rule.provider,
    channels: (Array.isArray(rule.channels) ? rule.channels : []) as AlertChannel[],
  };
}

async function applyMeasurement(db: Db, rule: RuleRow, m: Measurement, now: Date, minute: Date): Promise<{ state: AlertState; transition: Transition | null; queued: number } | null> {
  return db.$transaction(async (tx) => {
    // The row lock orders concurrent evaluators; the re-read state is the one that counts.
    const [locked] = await tx.$queryRaw<{ state: string; last_evaluated_at: Date | null; enabled: boolean }[]>`
      SELECT state, last_evaluated_at, enabled FROM alert_rules WHERE id = ${rule.id}::uuid FOR UPDATE`;
    if (!locked || !locked.enabled || (locked.last_evaluated_at && locked.last_evaluated_at >= minute)) return null;
    const previous = locked.state as AlertState;
    const breached = m.value !== null && breaches(rule.comparator as Comparator, m.value, rule.threshold.toString());
    const state: AlertState = m.value === null ? 'no_data' : breached ? 'firing' : 'ok';
    const value = m.value === null ? null : Number(m.value);
    const workspace = rule.workspace ? { name: rule.workspace.name, slug: rule.workspace.slug } : null;
    let transition: Transition | null = null;
    let notice: Notice | null = null;

    const open = await tx.alertEvent.findFirst({ where: { ruleId: rule.id, resolvedAt: null }, orderBy: { firedAt: 'desc' } });
    if (state === 'firing' && !open) {
      const event = await tx.alertEvent.create({
        data: {
          workspaceId: rule.workspaceId,
          ruleId: rule.id,
          ruleName: rule.name,
          metric: rule.metric,
          comparator: rule.comparator,
          threshold: rule.threshold.toString(),
          subject: m.subject ?? null,
          firedAt: now,
          value: value!,
          calls: m.calls,
          lastNotifiedAt: now,
        },
      });
      transition = 'fired';
      notice = { rule: noticeRule(rule), event: { ...event }, transition, at: now, workspace };
    } else if (state === 'firing' && open) {
      if (now.getTime() - open.lastNotifiedAt.getTime() >= rule.renotifyMinutes * 60_000) {
        const sequence = open.notifications;
        // The history keeps the value it fired with; the reminder says the current one.
        const event = await tx.alertEvent.update({ where: { id: open.id }, data: { notifications: { increment: 1 }, lastNotifiedAt: now } });
        transition = 'renotify';
        notice = { rule: noticeRule(rule), event: { ...event, value: value!, calls: m.calls }, transition, at: now, workspace, sequence };
      }
    } else if (open) {
      const event = await tx.alertEvent.update({
        where: { id: open.id },
        data: { resolvedAt: now, resolvedReason: state === 'no_data' ? 'no_data' : 'ok', resolvedValue: value },
      });
      transition = 'resolved';
      notice = { rule: noticeRule(rule), event, transition, at: now, workspace };
    }

    const queued = notice ? await enqueue(tx, noticeRows(notice), now) : 0;
    await tx.alertRule.update({
      where: { id: rule.id },
      data: {
        state,
        ...(state !== previous ? { stateSince: now } : {}),
        lastValue: value,
        lastCalls: m.calls,
        lastEvaluatedAt: now,
      },
    });
    return { state, transition, queued };
  });
}
