import { BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { Bulkhead } from './bulkhead';

/** A call that runs until the test lets it finish. */
function heldCall() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, run: () => done.then(() => 'ok') };
}

describe('Bulkhead', () => {
  it('runs `capacity` calls, queues `queueCapacity` more, refuses the rest at once', async () => {
    const bulkhead = new Bulkhead(2, 1);
    const calls = [heldCall(), heldCall(), heldCall()];
    const running = calls.map((c) => bulkhead.execute(c.run));
    await expect(bulkhead.execute(() => 'late')).rejects.toBeInstanceOf(BulkheadRejectedError);
    expect(bulkhead.executionSlots).toBe(0);
    calls.forEach((c) => c.finish());
    await expect(Promise.all(running)).resolves.toEqual(['ok', 'ok', 'ok']);
    expect(bulkhead.executionSlots).toBe(2);
    await expect(bulkhead.execute(() => 'again')).resolves.toBe('again');
  });

  it('hands a freed slot to the first waiting call, in order', async () => {
    const bulkhead = new Bulkhead(1, 3);
    const order: number[] = [];
    const first = heldCall();
    const running = [
      bulkhead.execute(first.run),
      ...[1, 2, 3].map((i) => bulkhead.execute(() => order.push(i))),
    ];
    first.finish();
    await Promise.all(running);
    expect(order).toEqual([1, 2, 3]);
    expect(bulkhead.executionSlots).toBe(1);
  });

  it('drops a waiting call whose signal was aborted, and passes its slot on', async () => {
    const bulkhead = new Bulkhead(1, 2);
    const first = heldCall();
    const aborted = new AbortController();
    const running = bulkhead.execute(first.run);
    const cancelled = bulkhead.execute(() => 'never', aborted.signal);
    const next = bulkhead.execute(() => 'next');
    aborted.abort();
    first.finish();
    await expect(cancelled).rejects.toBeInstanceOf(TaskCancelledError);
    await expect(Promise.all([running, next])).resolves.toEqual(['ok', 'next']);
    expect(bulkhead.executionSlots).toBe(1);
  });

  it('frees the slot of a call that failed', async () => {
    const bulkhead = new Bulkhead(1, 0);
    await expect(
      bulkhead.execute(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(bulkhead.executionSlots).toBe(1);
  });
});
