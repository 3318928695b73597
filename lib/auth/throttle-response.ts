import { TOO_MANY_ATTEMPTS, TOO_MANY_ATTEMPTS_MESSAGE } from './errors';

function isThrottledUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value, 'http://localhost').searchParams.get('error') === TOO_MANY_ATTEMPTS;
  } catch {
    return false;
  }
}

/**
 * next-auth answers every refused credentials sign-in with 401. When the refusal was the
 * throttle, the JSON flow (signIn with redirect: false, which the login page uses) gets
 * 429 instead, with next-auth's `url` kept (signIn() reads `?error=` from it) and our
 * error body beside it. Browser form posts keep next-auth's redirect to /login?error=….
 */
export async function withThrottleStatus(response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 401 || !type.includes('application/json')) return response;
  const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
  if (!body || !isThrottledUrl(body.url)) return response;
  const headers = new Headers(response.headers);
  headers.set('Retry-After', String(15 * 60));
  return new Response(JSON.stringify({ url: body.url, error: { code: 'too_many_requests', message: TOO_MANY_ATTEMPTS_MESSAGE } }), {
    status: 429,
    headers,
  });
}
