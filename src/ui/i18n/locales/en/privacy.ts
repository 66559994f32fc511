/** The privacy area's English messages (filled in as its components are translated). */
export const privacy = {
  privacy: {},
} as const;
