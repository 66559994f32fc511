// The WebGL renderer string, read without tfjs: the probe worker runs this alone, so that a
// WebGL context that never comes back cannot stall the worker that holds the data.

/** The WebGL renderer string seen from this context, or null when WebGL is unavailable. */
export function probeWebglRenderer(): string | null {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return null;
  }
}
