/** Shared bits of the alert and delivery forms (client side). */

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 ' +
  'focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 aria-invalid:border-red-500';
export const buttonClass =
  'inline-flex items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60';
export const secondaryButtonClass =
  'inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60';
export const labelClass = 'block text-sm font-medium text-slate-700';

export type ApiProblem = { message: string; param?: string };

/** Sends JSON to one of our routes; a non-2xx answer becomes the API's message and field. */
export async function sendJson(url: string, method: string, body?: unknown): Promise<{ ok: true; data: unknown } | { ok: false; problem: ApiProblem }> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json().catch(() => null)) as { error?: { message?: string; param?: string } } | null;
    if (response.ok) return { ok: true, data };
    if (data?.error?.message) return { ok: false, problem: { message: data.error.message, param: data.error.param } };
    return { ok: false, problem: { message: response.status === 403 ? 'You do not have permission to do this.' : 'Something went wrong; try again.' } };
  } catch {
    return { ok: false, problem: { message: 'We could not reach the server. Check your connection and try again.' } };
  }
}
