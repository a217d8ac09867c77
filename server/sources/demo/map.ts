// The demo district's map: a convex outline cut into Voronoi cells around the region centres
// (Lloyd-relaxed so the cells look like townships, not slivers). Geometry is done in a plane
// where one degree of longitude is shortened by cos(latitude), so cells are not stretched.

import type { Rng } from './prng.ts';

export type Pt = [number, number]; // [x, y] in the plane; [lng, lat] outside this file

export interface PolygonFeature {
  type: 'Feature';
  properties: { name: string; demo: true };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: PolygonFeature[];
}

const CENTRE: Pt = [121.5, 29.85];
const K = Math.cos((CENTRE[1] * Math.PI) / 180);
const toPlane = ([lng, lat]: Pt): Pt => [lng * K, lat];
const toLngLat = ([x, y]: Pt): Pt => [x / K, y];

function cross(o: Pt, a: Pt, b: Pt): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Andrew's monotone chain; counter-clockwise, not closed. */
function convexHull(points: Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const lower: Pt[] = [];
  const upper: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Keeps the part of a polygon where n·p ≤ c (Sutherland–Hodgman against one half-plane). */
function clipHalfPlane(poly: Pt[], n: Pt, c: number): Pt[] {
  const out: Pt[] = [];
  const side = (p: Pt) => n[0] * p[0] + n[1] * p[1] - c;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const sa = side(a);
    const sb = side(b);
    if (sa <= 0) out.push(a);
    if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
      const t = sa / (sa - sb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function voronoiCell(sites: Pt[], i: number, outline: Pt[]): Pt[] {
  let cell = outline;
  const s = sites[i];
  for (let j = 0; j < sites.length; j++) {
    if (j === i) continue;
    const t = sites[j];
    const n: Pt = [t[0] - s[0], t[1] - s[1]];
    const c = (t[0] * t[0] + t[1] * t[1] - s[0] * s[0] - s[1] * s[1]) / 2;
    cell = clipHalfPlane(cell, n, c);
  }
  return cell;
}

function centroid(poly: Pt[]): Pt {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const f = p[0] * q[1] - q[0] * p[1];
    a += f;
    cx += (p[0] + q[0]) * f;
    cy += (p[1] + q[1]) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

function insideConvex(poly: Pt[], p: Pt): boolean {
  for (let i = 0; i < poly.length; i++) {
    if (cross(poly[i], poly[(i + 1) % poly.length], p) < 0) return false;
  }
  return true;
}

export interface DistrictGeometry {
  /** Region centres as [lng, lat], in the order of `cells`. */
  centres: Pt[];
  /** Convex cells in the plane (counter-clockwise). */
  cells: Pt[][];
}

export function buildGeometry(rng: Rng, regionCount: number): DistrictGeometry {
  const [cx, cy] = toPlane(CENTRE);
  const rx = 0.19 * K;
  const ry = 0.14;
  const ring: Pt[] = [];
  for (let i = 0; i < 28; i++) {
    const a = (i / 28) * 2 * Math.PI + rng.float(-0.05, 0.05);
    const r = rng.float(0.84, 1);
    ring.push([cx + rx * r * Math.cos(a), cy + ry * r * Math.sin(a)]);
  }
  const outline = convexHull(ring);
  let sites: Pt[] = [];
  let minD = 0.09;
  for (let tries = 0; sites.length < regionCount; tries++) {
    if (tries > 0 && tries % 500 === 0) minD *= 0.85;
    const p: Pt = [cx + rng.float(-rx, rx), cy + rng.float(-ry, ry)];
    if (!insideConvex(outline, p)) continue;
    if (sites.every((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) >= minD)) sites.push(p);
  }
  for (let k = 0; k < 3; k++) sites = sites.map((_, i) => centroid(voronoiCell(sites, i, outline)));
  const cells = sites.map((_, i) => voronoiCell(sites, i, outline));
  return { centres: sites.map(toLngLat), cells };
}

/** A point inside region i, pulled towards its centre so it stays clear of the border. */
export function pointInRegion(rng: Rng, geo: DistrictGeometry, i: number): Pt {
  const cell = geo.cells[i];
  const centre = toPlane(geo.centres[i]);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of cell) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  for (;;) {
    const q: Pt = [rng.float(minX, maxX), rng.float(minY, maxY)];
    if (!insideConvex(cell, q)) continue;
    const p: Pt = [centre[0] + 0.85 * (q[0] - centre[0]), centre[1] + 0.85 * (q[1] - centre[1])];
    const [lng, lat] = toLngLat(p);
    return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  }
}

const r5 = (v: number) => Math.round(v * 1e5) / 1e5;

export function toFeatureCollection(geo: DistrictGeometry, names: string[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: geo.cells.map((cell, i) => {
      const ring = cell.map((p) => toLngLat(p)).map(([lng, lat]) => [r5(lng), r5(lat)] as [number, number]);
      ring.push(ring[0]);
      return { type: 'Feature', properties: { name: names[i], demo: true }, geometry: { type: 'Polygon', coordinates: [ring] } };
    }),
  };
}

/** Ray casting in [lng, lat]; for tests and for checking imported coordinates. */
export function pointInPolygon(ring: [number, number][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
