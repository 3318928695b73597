import { ConfigError } from '@/lib/env';

/** Runs a script's main; a configuration problem ends it with one clear line, not a stack trace. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`error: ${error.message}`);
      else if (error instanceof Error && !process.env.DEBUG) console.error(`error: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
