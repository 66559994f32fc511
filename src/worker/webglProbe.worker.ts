// Reads the WebGL renderer string and posts it back: creating a WebGL context and reading its
// parameters are synchronous calls to the GPU process, which in headless Chromium with software
// WebGL was seen to leave a worker without an answer for minutes; here that costs only this worker.
import { probeWebglRenderer } from '../model/webglProbe';

self.postMessage(probeWebglRenderer());
