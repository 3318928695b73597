import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'public', 'proxy.ts', 'next.config.mjs', 'tailwind.config.ts', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];
const distDir = () => process.env.NEXT_DIST_DIR || '.next';

/** A digest of every source file's path, size and mtime: cheap, and changes on any edit. */
function sourceDigest(root = process.cwd()): string {
  const hash = createHash('sha256');
  const visit = (p: string) => {
    if (!fs.existsSync(p) || p.includes(`${path.sep}generated`)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p).sort()) visit(path.join(p, entry));
    else hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const source of SOURCES) visit(path.join(root, source));
  return hash.digest('hex');
}

/** Runs `next build` unless .next was built from exactly these sources. */
export function buildIfNeeded(): void {
  const digest = sourceDigest();
  const stamp = path.join(distDir(), 'source-digest');
  const built = fs.existsSync(path.join(distDir(), 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest;
  if (built) return;
  console.log('building the app (next build)…');
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
  fs.writeFileSync(stamp, digest);
}
