// The import reader's thread starts here: the code base is TypeScript run through tsx, and a
// worker does not inherit a loader registered by a test runner, so this registers tsx, then
// loads the reader. A failure to load is reported over the channel, never left as a silent
// thread death: the main thread is blocked waiting for the reader's messages.
import { workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData.entry);
} catch (err) {
  workerData.port.postMessage({ kind: 'fatal', message: String(err?.stack ?? err) });
  Atomics.add(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
}
