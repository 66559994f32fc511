// The Chromium flags every test and benchmark launches with: no GPU here (software WebGL through
// SwiftShader), and no background networking (the machine reaches no Google hosts).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
