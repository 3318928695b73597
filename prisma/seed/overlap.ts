import { setImmediate as nextTurn } from 'node:timers/promises';

export type Batch = { calls: string[]; usage: string[] };

/**
 * Loads the generator's batches while it generates the next ones. The generator is
 * synchronous CPU work in this process and COPY is work in the database server's; run in
 * turns (generate, then wait for COPY), each side idles half the time, and on a 2-core
 * machine the load takes their sum instead of the larger of the two. So small slices
 * are generated with a turn of the event loop after each (the pending COPY data reaches
 * the socket then), merged into batches of `batchCalls` calls, and each batch is loaded
 * while the next one is generated. At most one batch waits: memory stays flat.
 */
export async function loadWhileGenerating(slices: Iterable<Batch>, load: (batch: Batch) => Promise<void>, batchCalls: number): Promise<void> {
  let loading: Promise<void> | undefined;
  try {
    for await (const batch of merged(slices, batchCalls)) {
      await loading;
      loading = load(batch);
      // Surfaced by the next await; until then it must not count as unhandled.
      loading.catch(() => undefined);
    }
  } finally {
    // Never leave a COPY running behind an error: the caller rolls the transaction back.
    await loading?.catch(() => undefined);
  }
  await loading;
}

async function* merged(slices: Iterable<Batch>, batchCalls: number): AsyncGenerator<Batch> {
  let batch: Batch = { calls: [], usage: [] };
  for (const slice of slices) {
    for (const line of slice.calls) batch.calls.push(line);
    for (const line of slice.usage) batch.usage.push(line);
    if (batch.calls.length >= batchCalls) {
      yield batch;
      batch = { calls: [], usage: [] };
    }
    await nextTurn();
  }
  if (batch.calls.length) yield batch;
}
