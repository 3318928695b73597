// npm run api-key -- create --workspace <slug> --name <name>   (prints the key alone on its last line)
// npm run api-key -- revoke --workspace <slug> --key <key>
import { parseArgs } from 'node:util';
import { createApiKey, hashKey, KEY_NAME_MAX, revokeApiKey } from '@/lib/apikeys';
import { CLI_ACTOR } from '@/lib/audit';
import { createPrismaClient, openConnection } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import { runCli } from './cli';

const USAGE = 'usage: npm run api-key -- create --workspace <slug> --name <name> | revoke --workspace <slug> --key <key>';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workspace: { type: 'string' }, name: { type: 'string' }, key: { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'create' && command !== 'revoke') throw new ConfigError(USAGE);
  const slug = values.workspace?.trim();
  if (!slug) throw new ConfigError(`--workspace: give the workspace's slug (${USAGE})`);

  const connection = await openConnection(databaseConfig());
  const db = createPrismaClient(connection);
  try {
    await applyMigrations(connection.adapter);
    const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (!workspace) throw new ConfigError(`--workspace: no workspace with slug "${slug}"`);
    if (command === 'create') {
      const name = values.name?.trim();
      if (!name) throw new ConfigError('--name: give the key a name (e.g. "production")');
      if (name.length > KEY_NAME_MAX) throw new ConfigError(`--name: at most ${KEY_NAME_MAX} characters`);
      const { key, apiKey } = await createApiKey(db, { workspaceId: workspace.id, name, actor: CLI_ACTOR });
      console.log(`created API key "${apiKey.name}" (${apiKey.prefix}…) for ${workspace.name}; it is shown only now:`);
      console.log(key);
    } else {
      const key = values.key?.trim();
      if (!key) throw new ConfigError('--key: give the key to revoke');
      const row = await db.apiKey.findFirst({ where: { workspaceId: workspace.id, keyHash: hashKey(key) }, select: { id: true, prefix: true } });
      if (!row) throw new ConfigError(`--key: workspace "${slug}" has no such key`);
      await revokeApiKey(db, { workspaceId: workspace.id, id: row.id, actor: CLI_ACTOR });
      console.log(`revoked API key ${row.prefix}… of ${workspace.name}`);
    }
  } finally {
    await db.$disconnect();
    await connection.close();
  }
});
