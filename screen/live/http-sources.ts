// The few things the wall reads over HTTP before it subscribes. Each tolerates a missing route:
// the server is allowed not to have /api/config, and the wall must still come up.
import type { TourConfig } from '../../shared/tour.ts';
import type { OrgDetail } from '../../shared/org-detail.ts';

export interface WallConfig {
  centreName: string | null;
  version: string | null;
  scope: string | null;
}

async function getJson(path: string, fetcher: typeof fetch): Promise<unknown> {
  const res = await fetcher(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

export async function loadConfig(fetcher: typeof fetch = fetch): Promise<WallConfig> {
  try {
    const c = (await getJson('/api/config', fetcher)) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return { centreName: str(c.centreName), version: str(c.version), scope: str(c.scope) ?? str(c.rootScope) };
  } catch {
    return { centreName: null, version: null, scope: null };
  }
}

/** The district root's code from the public organisation tree (CONTRACTS §3). */
export async function loadRootScope(fetcher: typeof fetch = fetch): Promise<string | null> {
  try {
    const tree = (await getJson('/api/orgs/tree', fetcher)) as { code?: unknown } | { code?: unknown }[];
    const root = Array.isArray(tree) ? tree[0] : tree;
    return typeof root?.code === 'string' ? root.code : null;
  } catch {
    return null;
  }
}

/** The district GeoJSON (a FeatureCollection whose features carry properties.name), or null. */
export async function loadMap(fetcher: typeof fetch = fetch): Promise<unknown | null> {
  try {
    const geo = (await getJson('/api/map', fetcher)) as { type?: string };
    return geo?.type === 'FeatureCollection' ? geo : null;
  } catch {
    return null;
  }
}

export interface LightHistoryEntry {
  /** ISO instant with offset, as the server formats it (Asia/Shanghai). */
  at: string;
  level: string;
  previous: string | null;
  reasons: { rule: string; level: string; value: number | string | null; threshold: number | string | null; message: string }[];
}

/** GET /api/orgs/:code/lights/history → newest first; null when the route fails. */
export async function loadLightHistory(code: string, fetcher: typeof fetch = fetch): Promise<LightHistoryEntry[] | null> {
  try {
    const body = (await getJson(`/api/orgs/${encodeURIComponent(code)}/lights/history`, fetcher)) as { history?: unknown };
    return Array.isArray(body?.history) ? (body.history as LightHistoryEntry[]) : null;
  } catch {
    return null;
  }
}

/** GET /api/tour → the exhibition tour (validated by the server), or null when it cannot be read. */
export async function loadTour(fetcher: typeof fetch = fetch): Promise<TourConfig | null> {
  try {
    const tour = (await getJson('/api/tour', fetcher)) as TourConfig;
    return Array.isArray(tour?.scenes) && tour.scenes.length > 0 ? tour : null;
  } catch {
    return null;
  }
}

/** GET /api/orgs/:code/detail, with the wall's token when it holds one (names unmasked for a leader). */
export async function loadOrgDetail(code: string, token: string | null, fetcher: typeof fetch = fetch): Promise<OrgDetail> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetcher(`/api/orgs/${encodeURIComponent(code)}/detail`, { headers });
  if (!res.ok) throw new Error(`detail ${code}: ${res.status}`);
  return (await res.json()) as OrgDetail;
}
