import { Prisma, type Db } from '@/lib/db';
import { randomUUID } from 'node:crypto';
import { jobActor, recordAuditEntries, type AuditActor } from '@/lib/audit';
import { localMonthOf, localMonthRange, monthLabel, parseMonth, type MonthIndex } from './months';
import { computeMonthUsage, TELEPHONY_USAGE_TYPE, usageUnit, type MonthUsage } from './usage';

export const BILLING_CLOSE_JOB = 'billing-close';

export type CloseOptions = {
  now: Date;
  /** Only this local month (YYYY-MM). With it, a month whose periods are all void is re-closed. */
  month?: string;
  workspaceId?: string;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  actor?: AuditActor;
  /** Test hook, called per period inside the workspace's transaction after its rows are written: throwing rolls the workspace back. */
  afterWrite?: (info: { workspaceId: string; month: string; status: 'draft' | 'finalized' }) => void | Promise<void>;
};

export type CloseSummary = {
  workspaces: number;
  finalized: number;
  reclosed: number;
  drafts: number;
  adjustments: number;
  /** Periods another process wrote first (unique key or status changed under us). */
  conflicts: number;
  invoices: string[];
};

type LineInput = {
  kind: 'subscription' | 'usage' | 'credit' | 'adjustment';
  description: string;
  provider?: string;
  usageType?: string;
  quantity?: Prisma.Decimal;
  unit?: string;
  amount: Prisma.Decimal;
  adjustsPeriodStart?: Date;
};

type WorkspaceRow = {
  id: string;
  timezone: string;
  status: string;
  createdAt: Date;
  cancelledAt: Date | null;
  trialEndsAt: Date | null;
  tier: { tierName: string; monthlyFee: Prisma.Decimal; billingInterval: 'month' | 'year'; includedMinutes: number } | null;
};

const ZERO = new Prisma.Decimal(0);

/** A workspace's periods are one transaction; a year's catch-up of a large one outlasts Prisma's default 5 s. */
// Stryker disable next-line ObjectLiteral: the default 5 s is enough for every test's workspace
const CLOSE_TRANSACTION = { timeout: 120_000 };

class ConcurrentClose extends Error {}

/**
 * The billing close (METRICS.md "Billing close"): for each workspace, every local month from
 * its creation to now (or its cancellation) gets exactly one non-void period: months that
 * have ended are finalized with the next invoice number, the running month is a draft kept
 * current. Each period is written in its own transaction, so a failure leaves whole periods
 * or none. Running it again changes nothing but the draft's computed_at.
 */
export async function closeBilling(db: Db, options: CloseOptions): Promise<CloseSummary> {
  const summary: CloseSummary = { workspaces: 0, finalized: 0, reclosed: 0, drafts: 0, adjustments: 0, conflicts: 0, invoices: [] };
  const only = options.month === undefined ? undefined : parseMonth(options.month);
  const workspaces: WorkspaceRow[] = await db.workspace.findMany({
    where: options.workspaceId ? { id: options.workspaceId } : {},
    orderBy: { id: 'asc' },
    select: {
      id: true, timezone: true, status: true, createdAt: true, cancelledAt: true, trialEndsAt: true,
      // Stryker disable next-line ObjectLiteral: `tier: {}` selects every column of the tier, these among them
      tier: { select: { tierName: true, monthlyFee: true, billingInterval: true, includedMinutes: true } },
    },
  });
  const due = workspaces.filter((ws) => ws.createdAt <= options.now);
  // Two stages in step: while one workspace's periods are written (its own transaction),
  // the next workspace's periods and usage are read. Writes stay one workspace after
  // another in id order, so invoice numbers are handed out in the same order as ever.
  let next = due[0] && prefetch(db, due[0], options);
  for (const [i, ws] of due.entries()) {
    const loading = next!;
    const following = due[i + 1];
    next = following && prefetch(db, following, options);
    summary.workspaces++;
    try {
      await closeWorkspace(db, ws, await loading, only, options, summary);
    } catch (error) {
      if (error instanceof ConcurrentClose || isUniqueViolation(error)) summary.conflicts++;
      else {
        await next?.catch(() => undefined);
        throw error;
      }
    }
  }
  return summary;
}

type Loaded = Awaited<ReturnType<typeof loadWorkspace>>;

/** loadWorkspace started now; a failure surfaces when the loop awaits it, never as an unhandled rejection. */
function prefetch(db: Db, ws: WorkspaceRow, options: CloseOptions): Promise<Loaded> {
  const loading = loadWorkspace(db, ws, options);
  loading.catch(() => undefined);
  return loading;
}

/** What the close of one workspace reads: its months, its periods, and each month's usage. */
async function loadWorkspace(db: Db, ws: WorkspaceRow, options: CloseOptions) {
  const tz = ws.timezone;
  const first = localMonthOf(ws.createdAt, tz);
  const current = localMonthOf(options.now, tz);
  // Cancelled before it was created (bad data): no month, so nothing is billed.
  const last = ws.cancelledAt ? Math.min(localMonthOf(ws.cancelledAt, tz), current) : current;
  const months: MonthIndex[] = [];
  for (let m = first; m <= last; m++) months.push(m);
  const ranges = new Map(months.map((m) => [m, localMonthRange(m, tz)]));
  const [periods, usage] = await Promise.all([
    // In any order: the close sums them per month and looks up the one non-void period of each.
    db.billingPeriod.findMany({
      where: { workspaceId: ws.id },
      select: {
        id: true, periodStart: true, revision: true, status: true, usageAmount: true,
        lineItems: { where: { kind: 'adjustment' }, select: { amount: true, adjustsPeriodStart: true } },
      },
    }),
    computeMonthUsage(db, ws.id, [...ranges.values()], ws.tier?.includedMinutes ?? 0),
  ]);
  return { months, ranges, periods, usage };
}

async function closeWorkspace(db: Db, ws: WorkspaceRow, loaded: Loaded, only: MonthIndex | undefined, options: CloseOptions, summary: CloseSummary): Promise<void> {
  const { months, ranges, periods, usage } = loaded;
  // What has been billed for each month so far: its finalized/paid period's usage plus the
  // adjustments for it on other finalized/paid periods. Void periods bill nothing.
  const billed = new Map<number, Prisma.Decimal>();
  const add = (startMs: number, amount: Prisma.Decimal) => billed.set(startMs, (billed.get(startMs) ?? ZERO).plus(amount));
  for (const p of periods) {
    if (p.status !== 'finalized' && p.status !== 'paid') continue;
    add(p.periodStart.getTime(), p.usageAmount);
    // The close writes adjusts_period_start on every adjustment line it writes.
    for (const line of p.lineItems) add(line.adjustsPeriodStart!.getTime(), line.amount);
  }

  const writes: PeriodWrite[] = [];
  for (const m of months) {
    const range = ranges.get(m)!;
    const startMs = range.start.getTime();
    const mine = periods.filter((p) => p.periodStart.getTime() === startMs);
    const open = mine.find((p) => p.status !== 'void');
    if (open && (open.status === 'finalized' || open.status === 'paid')) continue;
    const ended = range.end <= options.now;
    const reclose = !open && mine.length > 0;
    if (only !== undefined && m !== only) continue;
    // A voided month stays unbilled until someone asks for it again (run --month).
    if (reclose && (only === undefined || !ended)) continue;

    const month = usage.get(startMs)!;
    const lines = invoiceLines(ws, m, month, subscriptionAmount(ws, m, range));
    // Late usage of months already billed: an adjustment line each, in month order.
    for (const earlier of months) {
      // Stryker disable next-line EqualityOperator: at earlier === m nothing is billed yet (m's open period is a draft or none, void bills nothing), so the extra step adds no line
      if (earlier >= m) break;
      const earlierStart = ranges.get(earlier)!.start.getTime();
      const already = billed.get(earlierStart);
      if (already === undefined) continue;
      const diff = usage.get(earlierStart)!.net.minus(already);
      if (diff.isZero()) continue;
      lines.push({
        kind: 'adjustment',
        description: `Adjustment: usage recorded after ${monthLabel(earlier)} was invoiced`,
        amount: diff,
        adjustsPeriodStart: new Date(earlierStart),
      });
    }
    const status = ended ? 'finalized' : 'draft';
    if (options.dryRun) {
      if (status === 'finalized') summary.finalized++;
      else summary.drafts++;
      continue;
    }
    writes.push({
      m, range, lines, month, status, draftId: open?.id, reclose,
      revision: open ? open.revision : mine.length ? Math.max(...mine.map((p) => p.revision)) + 1 : 0,
    });
    // Stryker disable next-line ConditionalExpression: a draft is the last month the loop reaches, so counting it as billed changes no later month
    if (status === 'finalized') {
      // Billed once written: later months reconcile against it.
      add(startMs, month.net);
      for (const line of lines) if (line.kind === 'adjustment') add(line.adjustsPeriodStart!.getTime(), line.amount);
    }
  }
  // Stryker disable next-line ConditionalExpression: with nothing to write the transaction writes nothing; the guard saves its round trips
  if (writes.length === 0) return;
  const invoices = await writePeriods(db, ws, writes, options);
  for (const w of writes) {
    if (w.status === 'finalized') {
      summary.finalized++;
      if (w.reclose) summary.reclosed++;
    } else summary.drafts++;
    summary.adjustments += w.lines.filter((l) => l.kind === 'adjustment').length;
  }
  summary.invoices.push(...invoices);
}

/** METRICS.md "Subscription amount". */
export function subscriptionAmount(ws: Pick<WorkspaceRow, 'tier' | 'trialEndsAt' | 'status' | 'createdAt' | 'timezone'>, m: MonthIndex, range: { start: Date; end: Date }): Prisma.Decimal {
  if (!ws.tier) return ZERO;
  // Entirely in the trial: the trial ends at or after the month's end (an open-ended trial
  // while the workspace is still trialing).
  if (ws.trialEndsAt ? ws.trialEndsAt >= range.end : ws.status === 'trialing') return ZERO;
  if (ws.tier.billingInterval === 'month') return ws.tier.monthlyFee;
  // Stryker disable next-line EqualityOperator: a trial ending at the instant of creation gives the same instant either way
  const anchor = localMonthOf(ws.trialEndsAt && ws.trialEndsAt > ws.createdAt ? ws.trialEndsAt : ws.createdAt, ws.timezone);
  return (m - anchor) % 12 === 0 && m >= anchor ? ws.tier.monthlyFee : ZERO;
}

function invoiceLines(ws: WorkspaceRow, m: MonthIndex, month: MonthUsage, subscription: Prisma.Decimal): LineInput[] {
  const lines: LineInput[] = [];
  if (ws.tier) {
    const interval = ws.tier.billingInterval === 'year' ? 'annual' : 'monthly';
    lines.push({ kind: 'subscription', description: `Subscription: ${ws.tier.tierName} (${interval})`, amount: subscription });
  }
  for (const line of month.lines) {
    lines.push({
      kind: 'usage', description: `${line.provider} ${line.usageType}`, provider: line.provider, usageType: line.usageType,
      quantity: line.quantity, unit: usageUnit(line.usageType), amount: line.amount,
    });
  }
  if (ws.tier && ws.tier.includedMinutes > 0) {
    lines.push({
      kind: 'credit', description: `Included minutes (${ws.tier.includedMinutes.toLocaleString('en-US')} min of ${TELEPHONY_USAGE_TYPE})`,
      usageType: TELEPHONY_USAGE_TYPE, quantity: month.creditMinutes, unit: 'min', amount: month.credit.negated(),
    });
  }
  void m;
  return lines;
}

type PeriodWrite = {
  m: MonthIndex;
  range: { start: Date; end: Date };
  lines: LineInput[];
  month: MonthUsage;
  status: 'draft' | 'finalized';
  draftId?: string;
  revision: number;
  reclose: boolean;
};

/**
 * Writes one workspace's due periods (the months it catches up, the draft) in one
 * transaction: a failure leaves the workspace as it was, and the catch-up of a year costs a
 * handful of statements, not a handful per month.
 */
async function writePeriods(db: Db, ws: WorkspaceRow, writes: PeriodWrite[], options: CloseOptions): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const finalized = writes.filter((w) => w.status === 'finalized');
    const numbers = new Map<PeriodWrite, string>();
    if (finalized.length) {
      // The counter row stays locked until this transaction ends: numbers are handed out in
      // commit order and a rollback gives them back, so there are no gaps.
      const [counter] = await tx.$queryRaw<{ value: number }[]>`
        INSERT INTO counters (name, value) VALUES ('invoice', ${finalized.length})
        ON CONFLICT (name) DO UPDATE SET value = counters.value + ${finalized.length}
        RETURNING value`;
      const first = counter!.value - finalized.length + 1;
      finalized.forEach((w, i) => numbers.set(w, formatInvoiceNumber(Math.floor(w.m / 12), first + i)));
    }
    const ids = new Map<PeriodWrite, string>();
    const created: Prisma.BillingPeriodCreateManyInput[] = [];
    for (const w of writes) {
      const subscription = w.lines.find((l) => l.kind === 'subscription')?.amount ?? ZERO;
      const adjustment = w.lines.filter((l) => l.kind === 'adjustment').reduce((sum, l) => sum.plus(l.amount), ZERO);
      const invoiceNumber = numbers.get(w);
      const data = {
        subscriptionAmount: subscription,
        usageAmount: w.month.net,
        adjustmentAmount: adjustment,
        totalAmount: subscription.plus(w.month.net).plus(adjustment),
        computedAt: options.now,
        ...(invoiceNumber ? { status: 'finalized' as const, invoiceNumber, finalizedAt: options.now } : {}),
      };
      if (w.draftId) {
        const updated = await tx.billingPeriod.updateMany({ where: { id: w.draftId, workspaceId: ws.id, status: 'draft' }, data });
        if (updated.count !== 1) throw new ConcurrentClose();
        ids.set(w, w.draftId);
      } else {
        const id = randomUUID();
        ids.set(w, id);
        created.push({ id, workspaceId: ws.id, periodStart: w.range.start, periodEnd: w.range.end, revision: w.revision, status: 'draft', ...data });
      }
    }
    const drafts = writes.filter((w) => w.draftId).map((w) => w.draftId!);
    // Stryker disable next-line ConditionalExpression: deleting or creating nothing is a no-op; the guards save a statement each
    if (drafts.length) await tx.billingLineItem.deleteMany({ where: { workspaceId: ws.id, billingPeriodId: { in: drafts } } });
    // Stryker disable next-line ConditionalExpression: as above
    if (created.length) await tx.billingPeriod.createMany({ data: created });
    await tx.billingLineItem.createMany({
      data: writes.flatMap((w) => w.lines.map((line, position) => ({
        workspaceId: ws.id, billingPeriodId: ids.get(w)!, position, kind: line.kind, description: line.description,
        provider: line.provider ?? null, usageType: line.usageType ?? null, quantity: line.quantity ?? null,
        unit: line.unit ?? null, amount: line.amount, adjustsPeriodStart: line.adjustsPeriodStart ?? null,
      }))),
    });
    for (const w of writes) await options.afterWrite?.({ workspaceId: ws.id, month: monthLabel(w.m), status: w.status });
    await recordAuditEntries(tx, finalized.map((w) => ({
      actor: options.actor ?? jobActor(BILLING_CLOSE_JOB),
      action: w.reclose ? 'billing_period.reclosed' : 'billing_period.finalized',
      workspaceId: ws.id,
      targetType: 'billing_period',
      targetId: ids.get(w)!,
      details: { month: monthLabel(w.m), invoiceNumber: numbers.get(w)!, revision: w.revision },
    })));
    return finalized.map((w) => numbers.get(w)!);
  }, CLOSE_TRANSACTION);
}

export function formatInvoiceNumber(year: number, n: number): string {
  return `INV-${year}-${String(n).padStart(6, '0')}`;
}

function isUniqueViolation(error: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: only Prisma's errors carry the code P2002
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
