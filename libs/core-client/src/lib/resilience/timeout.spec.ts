import { TaskCancelledError } from 'cockatiel';
import { Timeout } from './timeout';

describe('Timeout (fake clock)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers TaskCancelledError once the time is up, and aborts the call', async () => {
    let seen: AbortSignal | undefined;
    const call = new Timeout(100).execute(({ signal }) => {
      seen = signal;
      return new Promise<never>(() => undefined); // never answers by itself
    });
    jest.advanceTimersByTime(99);
    expect(seen?.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    await expect(call).rejects.toBeInstanceOf(TaskCancelledError);
    await expect(call).rejects.toThrow('Operation timed out after 100ms');
    expect(seen?.aborted).toBe(true);
  });

  it('passes an answer or a failure through and leaves no timer or listener behind', async () => {
    const outer = new AbortController();
    const timeout = new Timeout(100);
    await expect(timeout.execute(async () => 'ok', outer.signal)).resolves.toBe('ok');
    await expect(
      timeout.execute(() => {
        throw new Error('boom');
      }, outer.signal),
    ).rejects.toThrow('boom');
    await expect(timeout.execute(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(jest.getTimerCount()).toBe(0);
    // The outer signal no longer reaches the finished calls.
    outer.abort();
  });

  it('gives up as soon as the outer signal (a deadline) aborts, and aborts the call', async () => {
    const outer = new AbortController();
    let seen: AbortSignal | undefined;
    const call = new Timeout(10_000).execute(({ signal }) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    }, outer.signal);
    outer.abort(new Error('deadline'));
    await expect(call).rejects.toBeInstanceOf(TaskCancelledError);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toEqual(new Error('deadline'));
    expect(jest.getTimerCount()).toBe(0);
  });

  it('does not start a call whose outer signal has already aborted', async () => {
    const outer = new AbortController();
    outer.abort();
    const fn = jest.fn();
    await expect(new Timeout(100).execute(fn, outer.signal)).rejects.toBeInstanceOf(
      TaskCancelledError,
    );
    expect(fn).not.toHaveBeenCalled();
  });
});
