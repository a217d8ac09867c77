// Fitting a design canvas into any viewport: one uniform scale, letterboxed and centred.
// Below 2:1 the 16:9 arrangement of the same panels reads better than a tiny 3:1 strip.
import type { LayoutKind } from '../stores/ui.ts';

export const DESIGN: Record<LayoutKind, { width: number; height: number }> = {
  wall: { width: 5760, height: 1920 },
  wide16x9: { width: 3840, height: 2160 },
};

/** Browsers refuse canvases (and WebGL textures) beyond this many pixels on a side. */
export const MAX_CANVAS_SIDE = 16_384;

export interface Fit {
  layout: LayoutKind;
  width: number;
  height: number;
  scale: number;
  left: number;
  top: number;
  /** Pixel ratio charts render at so one canvas pixel is one physical pixel after scaling. */
  pixelRatio: number;
}

export function chooseLayout(vw: number, vh: number): LayoutKind {
  return vh > 0 && vw / vh < 2 ? 'wide16x9' : 'wall';
}

export function fitCanvas(vw: number, vh: number, devicePixelRatio = 1, force?: LayoutKind): Fit {
  const layout = force ?? chooseLayout(vw, vh);
  const { width, height } = DESIGN[layout];
  const scale = Math.min(vw / width, vh / height);
  return {
    layout,
    width,
    height,
    scale,
    left: (vw - width * scale) / 2,
    top: (vh - height * scale) / 2,
    pixelRatio: Math.max(0.25, devicePixelRatio * scale),
  };
}

/** Caps a chart's pixel ratio so its canvas stays under the browser's side limit. */
export function chartPixelRatio(ratio: number, widthPx: number, heightPx: number): number {
  const side = Math.max(widthPx, heightPx, 1);
  return Math.min(ratio, (MAX_CANVAS_SIDE - 1) / side, 3);
}
