/** The Privacy panel: what the page and its workers fetched, and the service worker's offline copies. */
export const privacy = {
  privacy: {
    title: 'Privacy: what this page has fetched',
    about:
      'This list comes from the browser’s resource timing of the page and of its workers: it shows every file, script, stylesheet, image, fetch and worker load, but not a request’s method or body (the app’s tests check that every request is a GET to this app).',
    refresh: 'Refresh',
    workersFailed: 'The workers’ requests could not be read; the list shows the page’s only.',
    external: 'External: ',
    kind: {
      page: 'the page',
      script: 'script',
      stylesheet: 'stylesheet',
      wasm: 'WebAssembly binary',
      sample: 'the sample loan book',
      data: 'data file',
      serviceWorker: 'the service worker',
      manifest: 'web app manifest',
      font: 'font',
      image: 'image',
      beacon: 'beacon (sends data)',
      other: 'file',
    },
    source: {
      page: 'by the page',
      dataWorker: 'by the data worker',
      memberWorker: 'by the training worker',
      serviceWorker: 'by the service worker',
    },
    size: {
      kilobytes: '{{value}} kB',
      inMemory: 'in memory',
      fromCache: 'from cache',
    },
    offline: {
      someExternal: 'The service worker keeps offline copies of {{files}} files: {{external}} not this app’s',
      allApp: 'The service worker keeps offline copies of {{files}} of this app’s files',
      hint: 'It downloaded them itself when it was installed, so they are not in the list above (the page’s and its workers’ requests); this is what it keeps.',
    },
    summary: {
      requests_one: '{{total}} request {{scope}}',
      requests_other: '{{total}} requests {{scope}}',
      scopeListed: 'since this page loaded',
      scopePending: 'by the page since it loaded (its workers’ are still being asked for)',
      noBeacon: 'none was a beacon',
      beacons_one: '{{beacons}} was a beacon',
      beacons_other: '{{beacons}} were beacons',
      external: '{{requests}}: {{external}} went outside this app (listed first); {{beacons}}.',
      allApp: '{{requests}}, all to this app’s own files{{local}}; {{beacons}}.',
      local: ' ({{local}} to data: or blob: URLs inside the browser)',
    },
  },
} as const;
