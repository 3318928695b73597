import { PageHeader, RangePicker } from '@/components/ui';
import type { TimeRange } from '@/lib/analytics';
import { formatRange } from '@/lib/admin/format';

/** An admin page's title row: the resolved range in words, and the shared range picker (URL state). */
export function AdminHeader({ title, range }: { title: string; range: TimeRange | null }) {
  return (
    <PageHeader
      title={title}
      subtitle={range ? <span data-testid="range-label">{formatRange(range)}</span> : undefined}
      toolbar={<RangePicker timeZone={range?.timeZone ?? 'UTC'} />}
    />
  );
}
