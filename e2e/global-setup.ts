import { chromium } from '@playwright/test';
import { chromiumExecutable } from './browser';

/** Fails early with a message saying how to get a browser, instead of a stack trace. */
export default async function globalSetup() {
  const executablePath = chromiumExecutable();
  try {
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    await browser.close();
  } catch (error) {
    throw new Error(
      `No Chromium for the e2e tests (${executablePath ?? "Playwright's own browser"}): ` +
        'install Debian\'s with `apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium binary.\n' +
        String(error instanceof Error ? error.message.split('\n')[0] : error),
    );
  }
}
