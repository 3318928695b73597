import { formatMoney } from '@/lib/reports/format';

/**
 * A billing period's amount. A draft's amount changes every hour until its month is
 * closed, so it always carries "not final" (METRICS.md "Billing"): never read as what is due.
 */
export function BilledAmount({ amount, status, className = '' }: { amount: string; status: string; className?: string }) {
  return (
    <span className={className}>
      {formatMoney(amount)}
      {status === 'draft' ? <span className="ml-1 whitespace-nowrap text-xs font-normal text-slate-500">(not final)</span> : null}
    </span>
  );
}
