// npm run db:rollups -- --verify | --rebuild: compares every rollup with its raw table
// (prints the differences, exit 1 on any) or recomputes them; both on a live database.
import { parseArgs } from 'node:util';
import { openConnection } from '@/lib/db/connection';
import { rebuildRollups, verifyRollups } from '@/lib/db/rollup-maintenance';
import { ConfigError, databaseConfig } from '@/lib/env';
import { runCli } from '../cli';

runCli(async () => {
  const { values } = parseArgs({ options: { verify: { type: 'boolean' }, rebuild: { type: 'boolean' } } });
  if (values.verify === values.rebuild) throw new ConfigError('usage: npm run db:rollups -- --verify | --rebuild');
  const connection = await openConnection(databaseConfig());
  let failed = false;
  try {
    const started = performance.now();
    if (values.rebuild) {
      const count = await rebuildRollups(connection, (m) => console.log(m));
      console.log(`rebuilt the rollups of ${count} workspaces and the platform in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      const result = await verifyRollups(connection);
      for (const { table, differences } of result.tables) console.log(`${table}: ${differences === 0 ? 'in step' : `${differences} rows differ`}`);
      for (const d of result.samples) console.log(`  ${d.table} ${d.side}: ${d.key} ${d.row}`);
      failed = result.tables.some((t) => t.differences > 0);
      console.log(failed ? 'the rollups differ from the raw tables (npm run db:rollups -- --rebuild recomputes them)' : 'every rollup equals its raw table');
    }
  } finally {
    await connection.close();
  }
  if (failed) process.exit(1);
});
