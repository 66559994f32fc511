/** The train area's English messages (filled in as its components are translated). */
export const train = {
  train: {},
} as const;
