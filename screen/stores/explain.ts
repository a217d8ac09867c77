// "Why is this red": the organisation being explained, its reasons as the snapshot gave them,
// and its light history once fetched (null while loading or when the server had none).
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { WarningItem } from '../../shared/snapshot.ts';
import type { LightHistoryEntry } from '../live/http-sources.ts';

export type Explained = Pick<WarningItem, 'code' | 'name' | 'level' | 'reasons' | 'since'>;

export const useExplainStore = defineStore('explain', () => {
  const target = shallowRef<Explained | null>(null);
  const history = shallowRef<LightHistoryEntry[] | null>(null);
  const historyStatus = ref<'idle' | 'loading' | 'ok' | 'none'>('idle');

  function open(item: Explained) {
    target.value = item;
    history.value = null;
    historyStatus.value = 'loading';
  }
  function setHistory(code: string, entries: LightHistoryEntry[] | null) {
    if (target.value?.code !== code) return; // a late answer for an overlay already closed
    history.value = entries;
    historyStatus.value = entries && entries.length ? 'ok' : 'none';
  }
  function close() {
    target.value = null;
    history.value = null;
    historyStatus.value = 'idle';
  }

  return { target, history, historyStatus, open, setHistory, close };
});
