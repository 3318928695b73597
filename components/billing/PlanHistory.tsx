import { DataTable, EmptyState } from '@/components/ui';
import type { PlanHistoryEntry } from '@/lib/billing/subscription';
import { formatMoney, humanize } from '@/lib/charts/format';

const KIND_LABEL: Record<string, string> = {
  created: 'Workspace created',
  trial_started: 'Trial started',
  trial_converted: 'Trial converted to paid',
  trial_expired: 'Trial ended',
  tier_changed: 'Plan changed',
  past_due: 'Payment past due',
  payment_recovered: 'Payment recovered',
  cancelled: 'Cancelled',
  reactivated: 'Reactivated',
};

const when = (instant: Date | string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

const plan = (tier: string | null, status: string | null) => (status === null ? '—' : `${tier ? humanize(tier) : 'No tier'} · ${humanize(status)}`);

/**
 * A workspace's plan history, newest first: what changed, when, the MRR before and after,
 * who and why. Shown to platform admins (admin workspace page) and to the workspace's
 * owners; `actor` is already reduced to "VoiceDash staff" for people outside the
 * workspace (lib/billing/subscription listPlanHistory).
 */
export function PlanHistory({ history, timeZone }: { history: PlanHistoryEntry[]; timeZone: string }) {
  return (
    <div data-testid="plan-history">
      <DataTable<PlanHistoryEntry>
        caption="Plan history, newest first"
        rows={history}
        rowKey={(row) => row.id}
        empty={<EmptyState title="No plan changes yet" />}
        columns={[
          { key: 'when', header: 'When', cell: (row) => when(row.occurredAt, timeZone) },
          { key: 'kind', header: 'Change', cell: (row) => <span data-kind={row.kind}>{KIND_LABEL[row.kind] ?? humanize(row.kind)}</span> },
          {
            key: 'plan',
            header: 'Plan',
            cell: (row) => (
              <span>
                {row.fromStatus ? <span className="text-slate-500">{plan(row.fromTier, row.fromStatus)} → </span> : null}
                <span data-testid="plan-to">{plan(row.toTier, row.toStatus)}</span>
              </span>
            ),
          },
          { key: 'mrr', header: 'MRR', align: 'right', cell: (row) => `${formatMoney(row.mrrBefore)} → ${formatMoney(row.mrrAfter)}` },
          { key: 'actor', header: 'By', hideOnMobile: true, cell: (row) => row.actor },
          { key: 'reason', header: 'Reason', hideOnMobile: true, cell: (row) => <span className="block max-w-[16rem] truncate" title={row.reason ?? undefined}>{row.reason ?? '—'}</span> },
        ]}
      />
    </div>
  );
}

/** The current plan in one line: "Growth · Active · $199.00 MRR". */
export function CurrentPlan({ plan: current }: { plan: { tier: string | null; status: string; mrr: string; fee: string | null; billingInterval: 'month' | 'year' | null } }) {
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="current-plan">
      <div>
        <dt className="text-xs uppercase tracking-wide text-slate-500">Tier</dt>
        <dd className="font-medium text-slate-900" data-testid="current-tier">{current.tier ? humanize(current.tier) : 'None'}</dd>
      </div>
      <div>
        <dt className="text-xs uppercase tracking-wide text-slate-500">Status</dt>
        <dd className="font-medium text-slate-900" data-testid="current-status">{humanize(current.status)}</dd>
      </div>
      <div>
        <dt className="text-xs uppercase tracking-wide text-slate-500">Price</dt>
        <dd className="text-slate-900">{current.fee ? `${formatMoney(current.fee)} / ${current.billingInterval ?? 'month'}` : '—'}</dd>
      </div>
      <div>
        <dt className="text-xs uppercase tracking-wide text-slate-500">MRR</dt>
        <dd className="text-slate-900" data-testid="current-mrr">{formatMoney(current.mrr)}</dd>
      </div>
    </dl>
  );
}
