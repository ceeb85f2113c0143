import { describe, expect, it } from 'vitest';
import { runOrdered } from '../src/run/pool.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runOrdered', () => {
  it('emits in input order whatever order the results finish in', async () => {
    const delays = [30, 5, 20, 0, 10, 1];
    const out: number[] = [];
    await runOrdered(
      delays,
      (d) => sleep(d).then(() => d),
      3,
      (d) => void out.push(d),
    );
    expect(out).toEqual(delays);
  });

  it('emits a finished result while the source waits for its next item', async () => {
    const events: string[] = [];
    async function* source() {
      yield 1;
      await sleep(50);
      events.push('second item read');
      yield 2;
    }
    await runOrdered(
      source(),
      async (n) => n,
      8,
      (n) => void events.push(`emitted ${n}`),
    );
    expect(events).toEqual(['emitted 1', 'second item read', 'emitted 2']);
  });

  it('keeps at most `window` results pending', async () => {
    let running = 0;
    let most = 0;
    const run = async (n: number) => {
      most = Math.max(most, ++running);
      await sleep(2);
      running--;
      return n;
    };
    const out: number[] = [];
    await runOrdered([...Array(20).keys()], run, 3, (n) => void out.push(n));
    expect(out).toEqual([...Array(20).keys()]);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('throws the first failure, after emitting the results before it', async () => {
    const out: number[] = [];
    const run = async (n: number) => {
      if (n === 2) throw new Error('boom');
      return n;
    };
    await expect(runOrdered([0, 1, 2, 3], run, 2, (n) => void out.push(n))).rejects.toThrow('boom');
    expect(out).toEqual([0, 1]);
  });
});
