// Group commit for POST /api/events. Each request used to commit its own transaction, and with
// synchronous = FULL every commit waits for the WAL to reach the disk: at a few hundred requests a
// second the answers queued behind those waits. Requests whose bodies arrive in the same turn of
// the event loop now share one transaction, committed on the check phase of that turn (no timer,
// so a lone request is not delayed). Every request is still answered only after its commit, and
// after `durable()` says that commit is on disk: the fsync runs off the JavaScript thread, which
// meanwhile takes the next group (store/wal-sync.ts).

export interface GroupCommit<B, R> {
  (batch: B): Promise<R>;
}

/** What one shared transaction answers: a result per batch, and the work to do once they are sent. */
export interface Committed<R> {
  results: R[];
  /** Runs after every request of the group has its answer (push the change to the walls). */
  then(): void;
}

/**
 * `commitAll` writes every queued batch in one transaction and answers one result per batch. If it
 * throws (an unexpected failure, not a refused batch: those are results), the transaction has
 * rolled back and each batch is retried alone with `commitOne`, so one request cannot fail others.
 */
export function groupCommit<B, R>(commitAll: (batches: B[]) => Committed<R>, commitOne: (batch: B) => R, durable: () => Promise<void> = () => Promise.resolve()): GroupCommit<B, R> {
  let queue: { batch: B; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const group = queue;
    queue = [];
    let done: Committed<R>;
    try {
      done = commitAll(group.map((q) => q.batch));
    } catch {
      for (const q of group) {
        try {
          q.resolve(commitOne(q.batch));
        } catch (err) {
          q.reject(err);
        }
      }
      return;
    }
    durable().then(
      () => {
        group.forEach((q, i) => q.resolve(done.results[i]));
        // Committed and answered: a failure here must not turn into a retry (a second write).
        try {
          done.then();
        } catch (err) {
          console.error('after a group commit:', err);
        }
      },
      // Committed, but not known to be on disk: no answer may say accepted. A retry by the
      // sender is safe, its events then count as duplicates.
      (err: unknown) => {
        for (const q of group) q.reject(err);
        try {
          done.then();
        } catch (e) {
          console.error('after a group commit:', e);
        }
      },
    );
  };
  return (batch) =>
    new Promise<R>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ batch, resolve, reject });
    });
}
