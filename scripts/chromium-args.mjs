// The Chromium flags every test and benchmark launches with: no GPU here (software WebGL through
// SwiftShader), and no background networking (the machine reaches no Google hosts). The page is
// composited in software, as Chrome does on a machine without a GPU: compositing through SwiftShader
// took CPU from the page's main thread (the 1M-row ingest ran 6.1 s instead of 4.6 s).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-compositing',
];
