/** The characteristics area's English messages (filled in as its components are translated). */
export const characteristics = {
  characteristics: {},
} as const;
