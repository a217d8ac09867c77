// The group commit queue: requests of one event-loop turn share one commit, a lone request is not
// held back by a timer, a failed shared commit retries each request alone, and the post-commit
// work runs once per group, after the answers, without turning its own failure into a retry.
import { describe, expect, it, vi } from 'vitest';
import { groupCommit } from '../../../../server/sources/events/group-commit.ts';

describe('groupCommit', () => {
  it('commits the requests of one turn together, in order, and answers each its own result', async () => {
    const groups: number[][] = [];
    const after = vi.fn();
    const commit = groupCommit<number, string>((batches) => {
      groups.push(batches);
      return { results: batches.map((b) => `ok ${b}`), then: after };
    }, () => 'alone');
    const answers = await Promise.all([commit(1), commit(2), commit(3)]);
    expect(answers).toEqual(['ok 1', 'ok 2', 'ok 3']);
    expect(groups).toEqual([[1, 2, 3]]);
    expect(after).toHaveBeenCalledTimes(1);
    // The next turn is a new group.
    expect(await commit(4)).toBe('ok 4');
    expect(groups).toEqual([[1, 2, 3], [4]]);
  });

  it('commits a lone request on the same turn (no timer to wait for)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    try {
      const commit = groupCommit<number, number>((b) => ({ results: b, then: () => {} }), (b) => b);
      await expect(commit(7)).resolves.toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries each request alone when the shared commit throws: one failure does not fail the others', async () => {
    const alone: number[] = [];
    const commit = groupCommit<number, string>(
      () => {
        throw new Error('disk full');
      },
      (b) => {
        alone.push(b);
        if (b === 2) throw new Error(`batch ${b} failed`);
        return `ok ${b}`;
      },
    );
    const settled = await Promise.allSettled([commit(1), commit(2), commit(3)]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['ok 1', 'batch 2 failed', 'ok 3']);
    expect(alone).toEqual([1, 2, 3]);
  });

  it('does not retry (write again) when the work after the commit fails', async () => {
    const alone = vi.fn(() => 'again');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const commit = groupCommit<number, string>((b) => ({ results: b.map(() => 'ok'), then: () => { throw new Error('push failed'); } }), alone);
    expect(await Promise.all([commit(1), commit(2)])).toEqual(['ok', 'ok']);
    expect(alone).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('answers only once the commit is durable, and refuses every request of the group if the sync fails', async () => {
    let sync!: () => void;
    let fail!: (e: Error) => void;
    const after = vi.fn();
    let disk = new Promise<void>((res) => (sync = res));
    const commit = groupCommit<number, string>((b) => ({ results: b.map((x) => `ok ${x}`), then: after }), () => 'alone', () => disk);
    let answered = false;
    const first = commit(1).then((r) => ((answered = true), r));
    await new Promise((r) => setImmediate(r));
    await Promise.resolve();
    expect(answered).toBe(false);
    expect(after).not.toHaveBeenCalled();
    sync();
    expect(await first).toBe('ok 1');
    expect(after).toHaveBeenCalledTimes(1);

    disk = new Promise<void>((_, rej) => (fail = rej));
    const second = Promise.allSettled([commit(2), commit(3)]);
    await new Promise((r) => setImmediate(r));
    fail(new Error('EIO'));
    expect((await second).map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
