import Link from 'next/link';
import { ErrorState } from '@/components/ui';

/** A malformed range or list parameter in the URL: say which, offer the default view. */
export function RangeError({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <div className="space-y-3">
      <ErrorState title="This view cannot be shown" message={message} />
      <Link href={resetHref} className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Show the last 30 days
      </Link>
    </div>
  );
}
