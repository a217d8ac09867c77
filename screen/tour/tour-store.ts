// The exhibition tour's state and clock: which scene, whether it plays, and how long is left.
// Modes: 'playing'; 'held' (paused by a command: only a command resumes it); 'idle' (paused by a
// visitor's touch: it resumes by itself after idleResumeSeconds without another touch); 'off'.
// A pause keeps the scene's remaining time, so a resumed tour continues where it stopped.
// Navigation and panel emphasis follow this state elsewhere (director.ts, TourLayer.vue).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { TourAction } from '../../shared/socket.ts';
import type { RankRow } from '../../shared/snapshot.ts';
import type { TourConfig } from '../../shared/tour.ts';
import type { PanelId, TourPanelId } from '../layout/panels.ts';
import { FOCUS } from './scene-view.ts';

export type TourMode = 'off' | 'playing' | 'held' | 'idle';

export const useTourStore = defineStore('tour', () => {
  const config = shallowRef<TourConfig | null>(null);
  const mode = ref<TourMode>('off');
  const index = ref(0);
  /** Counts scene entries: a new value means a fresh scene (transitions and progress restart). */
  const visit = ref(0);
  /** Counts spotlight entries, so each one shows the next of the top branches. */
  const spotlightTurn = ref(0);
  const remainingMs = ref(0);
  /** The branch the current spotlight shows (chosen by the director from the district's top rows). */
  const spotlight = shallowRef<Pick<RankRow, 'code' | 'name'> | null>(null);
  /** A start asked for before the tour file arrived, played as soon as it does. */
  let pending: { scene?: number } | null = null;
  let segmentStart = 0;
  let sceneTimer: ReturnType<typeof setTimeout> | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const scenes = computed(() => config.value?.scenes ?? []);
  const scene = computed(() => (mode.value === 'off' ? null : scenes.value[index.value] ?? null));
  /** The panels the scene on show emphasises (none while the visitor explores). */
  const focus = computed<(PanelId | TourPanelId)[]>(() => ((mode.value === 'playing' || mode.value === 'held') && scene.value ? FOCUS[scene.value.kind] : []));
  const active = computed(() => mode.value !== 'off');

  function clearTimers() {
    if (sceneTimer) clearTimeout(sceneTimer);
    if (idleTimer) clearTimeout(idleTimer);
    sceneTimer = idleTimer = null;
  }
  function run() {
    segmentStart = Date.now();
    if (sceneTimer) clearTimeout(sceneTimer);
    sceneTimer = setTimeout(() => enter(index.value + 1), remainingMs.value);
  }
  function freeze() {
    if (sceneTimer) clearTimeout(sceneTimer);
    sceneTimer = null;
    if (mode.value === 'playing') remainingMs.value = Math.max(0, remainingMs.value - (Date.now() - segmentStart));
  }
  /** Enters scene i (wrapping either way) with its full duration; plays it unless paused. */
  function enter(i: number) {
    const n = scenes.value.length;
    if (n === 0) return;
    index.value = ((i % n) + n) % n;
    visit.value++;
    if (scenes.value[index.value].kind === 'spotlight') spotlightTurn.value++;
    remainingMs.value = scenes.value[index.value].durationSeconds * 1000;
    if (mode.value === 'playing') run();
  }
  function resume() {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    mode.value = 'playing';
    run();
  }
  function start(at?: number) {
    if (!config.value) {
      pending = { scene: at };
      return;
    }
    clearTimers();
    mode.value = 'playing';
    enter(at ?? 0);
  }

  function command(action: TourAction, at?: number) {
    const valid = typeof at === 'number' && Number.isInteger(at) ? at : undefined;
    if (action === 'start') return start(valid);
    if (action === 'stop') {
      pending = null;
      clearTimers();
      mode.value = 'off';
      return;
    }
    if (mode.value === 'off') return;
    if (action === 'pause') {
      freeze();
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      mode.value = 'held';
    } else if (action === 'resume') {
      if (mode.value !== 'playing') resume();
    } else {
      freeze();
      enter(action === 'next' ? index.value + 1 : index.value - 1);
    }
  }

  /** A visitor touched the wall: hold the tour while they explore, resume after the idle time. */
  function touch() {
    if (mode.value !== 'playing' && mode.value !== 'idle') return;
    freeze();
    mode.value = 'idle';
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(resume, (config.value?.idleResumeSeconds ?? 60) * 1000);
  }

  /** A new tour file (start-up or an operator's PUT): a playing tour restarts its current scene. */
  function setConfig(next: TourConfig) {
    config.value = next;
    if (pending) {
      const at = pending.scene;
      pending = null;
      return start(at);
    }
    if (mode.value === 'off') return;
    freeze();
    enter(index.value < next.scenes.length ? index.value : 0);
  }

  function setSpotlight(row: Pick<RankRow, 'code' | 'name'> | null) {
    spotlight.value = row;
  }

  return { config, mode, index, visit, spotlightTurn, remainingMs, spotlight, scenes, scene, focus, active, command, touch, setConfig, setSpotlight };
});
