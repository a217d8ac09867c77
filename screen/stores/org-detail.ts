// The organisation scene's detail (GET /api/orgs/:code/detail) for the current scope. Only
// live/org-detail-source.ts writes here; it empties on every scope change, so a panel never
// shows the previous organisation's months while the next one loads.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { OrgDetail } from '../../shared/org-detail.ts';

export const useOrgDetailStore = defineStore('orgDetail', () => {
  const code = ref('');
  const detail = shallowRef<OrgDetail | null>(null);
  /** 'failed' when the last fetch for this scope failed and nothing is held for it. */
  const status = ref<'idle' | 'loading' | 'ok' | 'failed'>('idle');

  function reset(next: string) {
    code.value = next;
    detail.value = null;
    status.value = next ? 'loading' : 'idle';
  }
  /** Ignores answers for another scope and answers older than the one held. */
  function receive(next: OrgDetail) {
    if (next.org.code !== code.value) return;
    if (detail.value && next.asOf < detail.value.asOf) return;
    detail.value = next;
    status.value = 'ok';
  }
  function failed(forCode: string) {
    if (forCode === code.value && !detail.value) status.value = 'failed';
  }

  return { code, detail, status, reset, receive, failed };
});
