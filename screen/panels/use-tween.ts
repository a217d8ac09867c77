// Numbers roll from the value on screen to the new one; the first value shows as is (never a
// count-up from zero, which would misreport the district for a second on every reload).
import { onScopeDispose, ref, watch, type Ref } from 'vue';

export interface TweenOptions {
  duration?: number;
  /** When true the value jumps (hidden tab, reduced motion). */
  paused?: () => boolean;
  raf?: (cb: (t: number) => void) => unknown;
  now?: () => number;
}

export function useTween(source: () => number | null, opts: TweenOptions = {}): Ref<number | null> {
  const duration = opts.duration ?? 1200;
  const raf = opts.raf ?? ((cb) => requestAnimationFrame(cb));
  const now = opts.now ?? (() => performance.now());
  const shown = ref<number | null>(source());
  let token = 0;

  watch(source, (to) => {
    const from = shown.value;
    token++;
    if (to === null || from === null || opts.paused?.() || from === to) {
      shown.value = to;
      return;
    }
    const mine = token;
    const start = now();
    const step = () => {
      if (mine !== token) return;
      const k = Math.min(1, (now() - start) / duration);
      const eased = 1 - Math.pow(1 - k, 3);
      shown.value = from + (to - from) * eased;
      if (k < 1) raf(step);
    };
    raf(step);
  });
  onScopeDispose(() => token++);
  return shown;
}
