// What a page's JavaScript keeps alive, from a V8 heap snapshot taken over CDP after a forced GC:
// the self sizes of JS objects, closures, arrays and strings. Compiled code (V8 keeps optimising
// for a long time, bounded) and Blink's native entries (performance timeline buffers, bounded)
// are left out: a heap-snapshot diff of the tour soak showed them as nearly all of the growth of
// the total heap, with the app's own objects flat.
import type { CDPSession } from 'playwright-core';

const JS_TYPES = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'bigint', 'symbol']);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

export async function jsObjectBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  let bytes = 0;
  for (let i = 0; i < snap.nodes.length; i += width) if (JS_TYPES.has(types[snap.nodes[i + typeAt]])) bytes += snap.nodes[i + sizeAt];
  return bytes;
}
