import fs from 'node:fs';

/**
 * Which Chromium Playwright drives: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else Playwright's own download if one is installed. Nothing is downloaded here.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  return undefined; // Playwright's own browser, if `npx playwright install chromium` was run
}

export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--no-sandbox',
];
