import { PageHeader } from '@/components/ui';
import { AdminRangePicker } from './admin-range-picker';
import type { TimeRange } from '@/lib/analytics';
import { formatRange } from '@/lib/admin/format';

/** An admin page's title row: the resolved range's exact bounds, and the calendar range picker (URL state). */
export function AdminHeader({ title, range }: { title: string; range: TimeRange | null }) {
  return (
    <PageHeader
      title={title}
      subtitle={range ? <span data-testid="range-label">{formatRange(range)}</span> : undefined}
      toolbar={<AdminRangePicker timeZone={range?.timeZone ?? 'UTC'} />}
    />
  );
}
