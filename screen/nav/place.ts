// The wall's place in the URL: `/org/<code>` (what we write) or `?scope=<code>` (still read, for
// links made before drill-down). The root scope is `/`. Other flags (?lang, ?layout, ?gl) are kept.

export interface PlaceLocation {
  pathname: string;
  search: string;
}

/** The scope named by a URL, or null when the URL names none (the root). */
export function parsePlace(loc: PlaceLocation): string | null {
  const m = /^\/org\/([^/]+)\/?$/.exec(loc.pathname);
  if (m) {
    try {
      return decodeURIComponent(m[1]) || null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(loc.search).get('scope') || null;
}

/** The URL (path + search) of a scope; the root is `/` so a reload of `/` stays at the root. */
export function placeUrl(code: string, root: string, loc: PlaceLocation): string {
  const params = new URLSearchParams(loc.search);
  params.delete('scope');
  const search = params.toString();
  const path = code === root ? '/' : `/org/${encodeURIComponent(code)}`;
  return search ? `${path}?${search}` : path;
}
