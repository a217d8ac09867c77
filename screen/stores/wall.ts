// What the wall shows: the latest snapshot of the current scope. Only live/ writes here.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { applyPatches } from '../../shared/patches.ts';
import type { FeedItem, Patch, WallSnapshot } from '../../shared/snapshot.ts';

export const FEED_LIMIT = 50;
const NO_FEED: FeedItem[] = [];

export const useWallStore = defineStore('wall', () => {
  const snapshot = shallowRef<WallSnapshot | null>(null);
  const scope = ref('');
  const seq = ref<number | null>(null);
  const asOf = ref<number | null>(null);
  /** Ticker items from `feed` events, newest first, never more than FEED_LIMIT. */
  const liveFeed = shallowRef<FeedItem[]>([]);
  /** Name of the registered ECharts map once the GeoJSON is in, else null. */
  const mapName = ref<string | null>(null);

  // Through the feed section alone: a delta that leaves the feed as it was (patches share
  // untouched sections) must not hand the ticker and the map a new array.
  const snapshotFeed = computed(() => snapshot.value?.feed ?? NO_FEED);
  const feed = computed<FeedItem[]>(() => mergeFeed(liveFeed.value, snapshotFeed.value));

  function setScope(code: string) {
    if (code === scope.value) return;
    scope.value = code;
    snapshot.value = null;
    seq.value = null;
    asOf.value = null;
  }
  function replace(next: WallSnapshot, nextSeq: number, at: number) {
    snapshot.value = next;
    seq.value = nextSeq;
    asOf.value = at;
  }
  function patch(patches: readonly Patch[], nextSeq: number, at: number) {
    if (!snapshot.value) return;
    snapshot.value = applyPatches(snapshot.value, patches);
    seq.value = nextSeq;
    asOf.value = at;
  }
  function pushFeed(items: readonly FeedItem[]) {
    liveFeed.value = mergeFeed(items, liveFeed.value);
  }
  function setMapName(name: string) {
    mapName.value = name;
  }

  return { snapshot, scope, seq, asOf, liveFeed, feed, mapName, setScope, replace, patch, pushFeed, setMapName };
});

/** Newest first, unique by id, bounded: the ticker must not grow for months. */
export function mergeFeed(first: readonly FeedItem[], second: readonly FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of [...first, ...second].sort((a, b) => b.at - a.at)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
    if (out.length >= FEED_LIMIT) break;
  }
  return out;
}
