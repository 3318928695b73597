/**
 * The pages' Content-Security-Policy, with a fresh nonce per request (set by proxy.ts;
 * Next.js puts the nonce on its own inline scripts). The fixed headers of every response
 * (nosniff, referrer and permissions policies, HSTS over https, the policy of non-page
 * responses) are in next.config.mjs `headers()`.
 */

/**
 * The pages' policy: only the app's own scripts (those Next.js renders with the nonce, and
 * what they load, via 'strict-dynamic'); no plugins, no framing, no foreign form targets.
 * Styles allow 'unsafe-inline' because chart libraries set style attributes, which cannot
 * carry a nonce (and a nonce in style-src would disable 'unsafe-inline'). `next dev` needs
 * eval for its fast refresh; production never gets it.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  if (options.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** A fresh, unguessable nonce (base64 of 16 random bytes); Web Crypto, so it runs in the proxy too. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
