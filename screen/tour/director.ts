// Moves the wall with the tour. A spotlight drills to one of the district's top branches, in
// turn; every other scene shows the district. While a visitor explores (mode 'idle') the wall
// is theirs; when the tour resumes it brings the wall back to where its scene belongs.
import { watch } from 'vue';
import type { RankRow } from '../../shared/snapshot.ts';
import type { Router } from '../nav/router.ts';
import type { useWallStore } from '../stores/wall.ts';
import type { useTourStore } from './tour-store.ts';

export interface DirectorDeps {
  tour: ReturnType<typeof useTourStore>;
  wall: ReturnType<typeof useWallStore>;
  router: Pick<Router, 'go' | 'home'>;
  root: string;
}

export function createTourDirector({ tour, wall, router, root }: DirectorDeps): () => void {
  /** The district's top rows as last seen: a spotlight is chosen while the wall is elsewhere. */
  let tops: RankRow[] = [];
  let chosenFor = -1;

  const offTops = watch(
    () => wall.snapshot,
    (snap) => {
      if (snap && snap.scope.code === root && snap.rankings.top.length) tops = snap.rankings.top;
    },
    { immediate: true },
  );

  function spotlight() {
    const scene = tour.scene!;
    if (chosenFor !== tour.visit) {
      const among = tops.slice(0, scene.rotateAmong ?? 5);
      tour.setSpotlight(among.length ? among[(tour.spotlightTurn - 1) % among.length] : null);
      chosenFor = tour.visit;
    }
    // No ranking yet (a fresh district, or the first snapshot still on its way): skip, never show a blank spotlight.
    if (!tour.spotlight) return tour.command('next');
    router.go(tour.spotlight.code);
  }

  const offTour = watch(
    () => [tour.mode, tour.visit] as const,
    ([mode], previous) => {
      if (mode === 'idle') return;
      if (mode === 'off') {
        if (previous && previous[0] !== 'off') router.home();
        return;
      }
      if (tour.scene?.kind === 'spotlight') spotlight();
      else {
        tour.setSpotlight(null);
        router.home();
      }
    },
    { immediate: true },
  );

  return () => {
    offTops();
    offTour();
  };
}
