import { describe, expect, it, vi } from 'vitest';
import { runInChunks, taskYielder } from '../../../src/content/idle-chunks';

describe('taskYielder', () => {
  it('yields with scheduler.yield where the browser has it, not with postTask', async () => {
    const scheduler = { yield: vi.fn(async () => undefined), postTask: vi.fn(async () => undefined) };
    await taskYielder({ scheduler })();
    expect(scheduler.yield).toHaveBeenCalledTimes(1);
    expect(scheduler.postTask).not.toHaveBeenCalled();
  });

  it('posts a user-visible task where scheduler.yield is missing', async () => {
    const scheduler = { postTask: vi.fn(async (cb: () => void) => cb()) };
    await taskYielder({ scheduler })();
    expect(scheduler.postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'user-visible' });
  });

  it('resumes from a MessageChannel message without a scheduler (Firefox), one per yield', async () => {
    const posted: unknown[] = [];
    class CountingChannel extends MessageChannel {
      constructor() {
        super();
        const post = this.port2.postMessage.bind(this.port2);
        this.port2.postMessage = (message: unknown) => {
          posted.push(message);
          post(message);
        };
      }
    }
    const yieldToPage = taskYielder({ MessageChannel: CountingChannel });
    const order: string[] = [];
    const a = yieldToPage().then(() => order.push('a'));
    const b = yieldToPage().then(() => order.push('b'));
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
    expect(posted).toHaveLength(2);
  });
});

describe('runInChunks', () => {
  it('runs a job to its end over several tasks, yielding to the page between them, and says it finished', async () => {
    // The yield it finds on the global scope (taken at its first use): counted here.
    const scheduler = { yield: vi.fn(async () => undefined) };
    (globalThis as { scheduler?: unknown }).scheduler = scheduler;
    let steps = 0;
    const done = await runInChunks(() => ++steps < 5, new AbortController().signal, 0);
    expect(done).toBe(true);
    expect(steps).toBe(5);
    // A step a task (a budget of 0 ms): a yield after each but the last.
    expect(scheduler.yield).toHaveBeenCalledTimes(4);
  });

  it('stops at the next chunk once its signal aborts', async () => {
    const controller = new AbortController();
    let steps = 0;
    const done = await runInChunks(
      () => {
        if (++steps === 2) controller.abort();
        return true;
      },
      controller.signal,
      0,
    );
    expect(done).toBe(false);
    expect(steps).toBe(2);
  });
});
