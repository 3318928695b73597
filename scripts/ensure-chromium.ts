// Run by `npm run test:e2e` before Playwright: makes sure a Chromium is there, the way
// `npx playwright install --with-deps chromium` would where browser downloads work. Here
// the only source is Debian's `chromium` package, through apt-get; nothing is downloaded
// from anywhere else. Where it cannot install (not root, no apt-get, no package mirror),
// it stops with one line saying exactly what to run.
import { spawnSync } from 'node:child_process';
import { findChromium } from '../e2e/browser';

const INSTALL = "apt-get update && apt-get install -y chromium";

function fail(line: string): never {
  console.error(`error: ${line}`);
  process.exit(1);
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.error ? 127 : (result.status ?? 1);
}

function main() {
  const found = findChromium();
  if (found.path) return;
  if (found.missingOverride) fail(`CHROMIUM_PATH=${found.missingOverride} does not exist: point it at a Chromium binary, or unset it and run \`${INSTALL}\` as root`);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    fail(`no Chromium for the browser tests: run \`sudo apt-get update && sudo apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary, then run the tests again`);
  }

  console.log("No Chromium found: installing Debian's chromium package for the browser tests (apt-get update, then apt-get install -y chromium; about a minute)…");
  if (run('apt-get', ['update', '-qq']) !== 0) fail(`apt-get update failed (no network to the package mirror?): run \`${INSTALL}\` yourself, or set CHROMIUM_PATH`);
  if (run('apt-get', ['install', '-y', '-qq', 'chromium']) !== 0) fail(`apt-get install chromium failed: run \`${INSTALL}\` yourself, or set CHROMIUM_PATH`);
  const installed = findChromium().path;
  if (!installed) fail(`apt-get installed chromium but no binary was found at /usr/bin/chromium: set CHROMIUM_PATH`);
  console.log(`Chromium installed: ${installed}`);
}

main();
