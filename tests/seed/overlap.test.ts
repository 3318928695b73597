import { describe, expect, it } from 'vitest';
import { loadWhileGenerating, type Batch } from '@/prisma/seed/overlap';

const slice = (n: number): Batch => ({ calls: [`c${n}`, `c${n}b`], usage: [`u${n}`] });

describe('loadWhileGenerating', () => {
  it('loads every line once, in order, in batches of at least the asked size but the last', async () => {
    const loaded: Batch[] = [];
    await loadWhileGenerating([0, 1, 2, 3, 4].map(slice), async (batch) => void loaded.push(batch), 4);
    expect(loaded.map((b) => b.calls)).toEqual([['c0', 'c0b', 'c1', 'c1b'], ['c2', 'c2b', 'c3', 'c3b'], ['c4', 'c4b']]);
    expect(loaded.flatMap((b) => b.usage)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
  });

  it('generates the next batch while one is loading, never more than one batch ahead', async () => {
    const events: string[] = [];
    function* slices() {
      for (let i = 0; i < 6; i++) {
        events.push(`generate ${i}`);
        yield slice(i);
      }
    }
    await loadWhileGenerating(slices(), async (batch) => {
      events.push(`load ${batch.calls[0]} start`);
      // Several turns of the event loop, as a COPY's socket writes take.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      events.push(`load ${batch.calls[0]} end`);
    }, 4);
    // Batch 2 (slices 2, 3) is generated while batch 1 (slices 0, 1) loads; batch 3 is not
    // handed over before batch 2 is loaded.
    expect(events.indexOf('generate 2')).toBeGreaterThan(events.indexOf('load c0 start'));
    expect(events.indexOf('generate 2')).toBeLessThan(events.indexOf('load c0 end'));
    expect(events.indexOf('load c2 start')).toBeGreaterThan(events.indexOf('load c0 end'));
    expect(events.indexOf('load c4 start')).toBeGreaterThan(events.indexOf('load c2 end'));
    expect(events.filter((e) => e.startsWith('load') && e.endsWith('start'))).toHaveLength(3);
  });

  it('stops generating when a load fails, and rejects with that error', async () => {
    let generated = 0;
    function* slices() {
      for (let i = 0; i < 100; i++) {
        generated++;
        yield slice(i);
      }
    }
    await expect(loadWhileGenerating(slices(), async () => {
      throw new Error('COPY failed');
    }, 2)).rejects.toThrow('COPY failed');
    expect(generated).toBeLessThanOrEqual(3);
  });

  it('waits for the batch in flight before passing on a generator error', async () => {
    let finished = false;
    function* slices() {
      yield slice(0);
      yield slice(1);
      throw new Error('generator failed');
    }
    await expect(loadWhileGenerating(slices(), async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      finished = true;
    }, 2)).rejects.toThrow('generator failed');
    expect(finished).toBe(true);
  });
});
