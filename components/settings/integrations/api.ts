/** Client-side calls to the connector routes; errors come back as `{ field, message }` to show next to the field. */
export type FieldError = { field: string; message: string };

export async function send<T>(url: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<{ ok: true; data: T } | { ok: false; error: FieldError }> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    const error = json?.error;
    return { ok: false, error: { field: typeof error?.param === 'string' ? error.param : 'form', message: typeof error?.message === 'string' ? error.message : `Request failed (${response.status})` } };
  } catch {
    return { ok: false, error: { field: 'form', message: 'We could not reach the server. Check your connection and try again.' } };
  }
}

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 ' +
  'focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 aria-invalid:border-red-500';

export const primaryButton = 'rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60';
export const secondaryButton = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';
export const dangerButton = 'rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60';
