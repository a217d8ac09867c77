// A scene drawn from two sources shows them together: true once both are in, or once the first
// has waited `lateMs` for the second (a slow or lost detail must not hold the snapshot's panels
// back for long). Goes false again when the first goes (a scope change empties the stores).
import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** How long the snapshot's panels wait for the organisation detail before drawing without it. */
export const DETAIL_WAIT_MS = 400;

export function useBothOrLate(first: () => boolean, second: () => boolean, lateMs: number): Ref<boolean> {
  const ready = ref(first() && second());
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  watch(
    () => [first(), second()] as const,
    ([a, b]) => {
      if (!a) {
        cancel();
        ready.value = false;
      } else if (b) {
        cancel();
        ready.value = true;
      } else if (!ready.value && !timer) {
        timer = setTimeout(() => {
          timer = null;
          ready.value = true;
        }, lateMs);
      }
    },
    { immediate: true },
  );
  onScopeDispose(cancel);
  return ready;
}
