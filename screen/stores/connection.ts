// The wall's link to the server, as the header badge and the panels' stale state read it.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'stale';

export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('connecting');
  /** When the last snapshot or delta arrived (ms), null before the first. */
  const lastUpdateAt = ref<number | null>(null);
  /** When any server message (heartbeat included) last arrived. */
  const lastMessageAt = ref<number | null>(null);
  const version = ref<string | null>(null);
  /** Since when the current non-live state has held. */
  const since = ref<number | null>(null);

  const isStale = computed(() => state.value === 'stale');

  function setState(next: ConnectionState, at: number) {
    if (next === state.value) return;
    state.value = next;
    since.value = next === 'live' ? null : at;
  }
  function markMessage(at: number) {
    lastMessageAt.value = at;
  }
  function markUpdate(at: number) {
    lastUpdateAt.value = at;
    lastMessageAt.value = at;
  }
  function setVersion(v: string) {
    version.value = v;
  }

  return { state, lastUpdateAt, lastMessageAt, version, since, isStale, setState, markMessage, markUpdate, setVersion };
});
