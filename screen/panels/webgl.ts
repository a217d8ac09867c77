// Whether this browser can draw echarts-gl at all. Headless Chromium without a GPU cannot (unless
// started with SwiftShader), which is why the 2D map is what CI sees.
export function hasWebGL(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') || canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
