// Presentation state: which arrangement of panels, its scale, language, and whether to animate.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { PairCodeMsg } from '../../shared/socket.ts';
import { translator, type Lang } from '../i18n/index.ts';

export type LayoutKind = 'wall' | 'wide16x9';

export const useUiStore = defineStore('ui', () => {
  const layout = ref<LayoutKind>('wall');
  const scale = ref(1);
  const pixelRatio = ref(1);
  const left = ref(0);
  const top = ref(0);
  const lang = ref<Lang>('zh-CN');
  const fontsReady = ref(false);
  /** True while the tab is hidden: charts, tweens and marquees hold still. */
  const paused = ref(false);
  const fixture = ref(false);
  /** A code a remote asked this wall to show (pairing), until claimed or expired. */
  const pairCode = ref<PairCodeMsg | null>(null);

  const t = computed(() => translator(lang.value));

  function setViewport(next: { layout: LayoutKind; scale: number; pixelRatio: number; left: number; top: number }) {
    layout.value = next.layout;
    left.value = next.left;
    top.value = next.top;
    scale.value = next.scale;
    pixelRatio.value = next.pixelRatio;
  }
  function setLang(next: Lang) {
    lang.value = next;
  }
  function setFontsReady() {
    fontsReady.value = true;
  }
  function setPaused(next: boolean) {
    paused.value = next;
  }
  function setFixture(next: boolean) {
    fixture.value = next;
  }
  function setPairCode(next: PairCodeMsg | null) {
    pairCode.value = next;
  }

  return { layout, scale, pixelRatio, left, top, lang, fontsReady, paused, fixture, pairCode, t, setViewport, setLang, setFontsReady, setPaused, setFixture, setPairCode };
});
