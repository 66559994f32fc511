/** The evaluate area's English messages (filled in as its components are translated). */
export const evaluate = {
  evaluate: {},
} as const;
