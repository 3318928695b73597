// npm run secrets:reencrypt: after moving SECRETS_KEY to a new key (old one in
// SECRETS_KEY_PREVIOUS), seals every stored connector secret with the new key.
import { reencryptConnectorSecrets } from '@/lib/connectors/store';
import { createPrismaClient, openConnection } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { databaseConfig } from '@/lib/env';
import { keyringFromEnv } from '@/lib/secrets';
import { runCli } from './cli';
import { ensureSecretsKey } from './secrets-key';

runCli(async () => {
  ensureSecretsKey();
  const keyring = keyringFromEnv();
  const connection = await openConnection(databaseConfig());
  const db = createPrismaClient(connection);
  try {
    await applyMigrations(connection.adapter);
    const changed = await reencryptConnectorSecrets(db, keyring);
    console.log(`re-encrypted ${changed} connector(s) with the current SECRETS_KEY`);
  } finally {
    await db.$disconnect();
    await connection.close();
  }
});
