// npm run connector -- create --workspace <slug> --platform vapi|retell|bland [--secret <s>] [--name <n>] [--vapi-auth secret|hmac]
//   prints the webhook path and the secret on its last two lines (Retell: the secret is the
//   workspace's Retell API key and must be given; Vapi and Bland: generated when not given)
// npm run connector -- list --workspace <slug>
import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '@/lib/audit';
import { ConnectorInputError, createConnector, listConnectors } from '@/lib/connectors/store';
import { isPlatform } from '@/lib/connectors/verify';
import { createPrismaClient, openConnection } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrations';
import { ConfigError, databaseConfig } from '@/lib/env';
import { keyringFromEnv } from '@/lib/secrets';
import { runCli } from './cli';
import { ensureSecretsKey } from './secrets-key';

const USAGE = 'usage: npm run connector -- create --workspace <slug> --platform vapi|retell|bland [--secret <s>] [--name <n>] | list --workspace <slug>';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { workspace: { type: 'string' }, platform: { type: 'string' }, secret: { type: 'string' }, name: { type: 'string' }, 'vapi-auth': { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'create' && command !== 'list') throw new ConfigError(USAGE);
  const slug = values.workspace?.trim();
  if (!slug) throw new ConfigError(`--workspace: give the workspace's slug (${USAGE})`);
  const platform = values.platform?.trim();
  if (command === 'create' && !isPlatform(platform)) throw new ConfigError('--platform: one of vapi, retell, bland');
  const vapiAuth = values['vapi-auth'];
  if (vapiAuth !== undefined && vapiAuth !== 'secret' && vapiAuth !== 'hmac') throw new ConfigError('--vapi-auth: secret or hmac');
  ensureSecretsKey();
  const keyring = keyringFromEnv();

  const connection = await openConnection(databaseConfig());
  const db = createPrismaClient(connection);
  try {
    await applyMigrations(connection.adapter);
    const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (!workspace) throw new ConfigError(`--workspace: no workspace with slug "${slug}"`);
    if (command === 'list') {
      for (const c of await listConnectors(db, workspace.id)) {
        console.log(`${c.id}  ${c.platform.padEnd(6)}  ${c.disabledAt ? 'disabled' : 'active  '}  ${c.path}  ${c.name}`);
      }
      return;
    }
    try {
      const created = await createConnector(db, { workspaceId: workspace.id, platform: platform as 'vapi' | 'retell' | 'bland', secret: values.secret, name: values.name, vapiAuth, actor: CLI_ACTOR }, keyring);
      console.log(`created ${created.connector.platform} connector "${created.connector.name}" (${created.connector.id}) for ${workspace.name}.`);
      console.log('Paste the URL (on your public origin) into the platform; the secret is shown only now:');
      console.log(created.path);
      console.log(created.secret);
    } catch (error) {
      if (error instanceof ConnectorInputError) throw new ConfigError(`--${error.field}: ${error.message.replace(/^secret: /, '')}`);
      throw error;
    }
  } finally {
    await db.$disconnect();
    await connection.close();
  }
});
