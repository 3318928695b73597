import { STATUS_STYLES, STATUS_TEXT } from './format';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status] ?? ''}`}>{STATUS_TEXT[status] ?? status}</span>;
}
