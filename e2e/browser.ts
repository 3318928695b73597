import fs from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Which Chromium Playwright drives: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else Playwright's own download if one is installed. Nothing is downloaded here
 * (scripts/ensure-chromium.ts installs Debian's package when none is found).
 */
export function findChromium(): { path?: string; missingOverride?: string } {
  const override = process.env.CHROMIUM_PATH;
  if (override) return fs.existsSync(override) ? { path: override } : { missingOverride: override };
  for (const candidate of DEBIAN_PATHS) if (fs.existsSync(candidate)) return { path: candidate };
  const own = playwrightsOwn();
  return own ? { path: own } : {};
}

function playwrightsOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && fs.existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The executable for launchOptions: undefined lets Playwright use its own browser. */
export function chromiumExecutable(): string | undefined {
  const { path } = findChromium();
  return path && DEBIAN_PATHS.concat(process.env.CHROMIUM_PATH ?? []).includes(path) ? path : undefined;
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
