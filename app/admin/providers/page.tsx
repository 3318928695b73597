import type { Metadata } from 'next';
import { CardSlot } from '@/components/ui';
import { AdminHeader } from '@/components/admin/admin-header';
import { ProvidersContent } from '@/components/admin/provider-sections';
import { RangeError } from '@/components/admin/range-error';
import { getProviderAnalytics } from '@/lib/analytics';
import { pageRange } from '@/lib/admin/page-range';
import type { QueryInput } from '@/lib/api';
import { requirePlatformAdmin } from '@/lib/auth/server';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Providers' };

export default async function AdminProvidersPage({ searchParams }: { searchParams: Promise<QueryInput> }) {
  await requirePlatformAdmin('/admin/providers');
  const resolved = pageRange(await searchParams);
  if (!resolved.ok) {
    return (
      <>
        <AdminHeader title="Providers" range={null} />
        <RangeError message={resolved.message} resetHref="/admin/providers" />
      </>
    );
  }
  const { range } = resolved;
  const providers = getDb().then((db) => getProviderAnalytics(db, range));
  return (
    <>
      <AdminHeader title="Providers" range={range} />
      <CardSlot title="Providers" height={560}>
        <ProvidersContent providers={providers} />
      </CardSlot>
    </>
  );
}
