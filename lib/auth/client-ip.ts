type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address for per-IP throttling. `next start` fills X-Forwarded-For with the
 * socket address unless the request already carries one, and the reverse proxy in front
 * appends its peer last; the nearest hop (the last entry) is the one a client cannot
 * choose when a proxy is present. Without a trusted proxy the header is client-supplied,
 * which is why throttling is also per email.
 */
export function clientIp(headers: HeaderSource): string {
  const forwarded = header(headers, 'x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  const ip = last || header(headers, 'x-real-ip')?.trim();
  return ip ? ip.slice(0, 64) : 'unknown';
}
