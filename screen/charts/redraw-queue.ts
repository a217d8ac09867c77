// Deltas land in the stores at once, but charts redraw one per animation frame: updating all of
// a 5760×1920 wall's charts in one frame took ~380 ms on the target PC, staggered they keep
// 60 fps. A chart queued twice before its turn redraws once, with its latest option.
type Job = () => void;

export interface RedrawQueue {
  schedule(key: object, job: Job): void;
  readonly size: number;
}

export function createRedrawQueue(
  raf: (cb: () => void) => unknown = (cb) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : setTimeout(cb, 16)),
): RedrawQueue {
  const jobs = new Map<object, Job>();
  let running = false;
  function tick() {
    const next = jobs.entries().next();
    if (next.done) {
      running = false;
      return;
    }
    const [key, job] = next.value;
    jobs.delete(key);
    job();
    raf(tick);
  }
  return {
    schedule(key, job) {
      jobs.set(key, job);
      if (!running) {
        running = true;
        raf(tick);
      }
    },
    get size() {
      return jobs.size;
    },
  };
}

export const redrawQueue = createRedrawQueue();
