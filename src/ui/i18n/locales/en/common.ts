/** Words shared by every step: units, the language switch, dismissing a message, a chart's table of numbers. */
export const common = {
  language: { label: 'Language' },
  alert: { dismiss: 'Dismiss message' },
  units: {
    seconds: '{{value}} s',
    milliseconds: '{{value}} ms',
  },
  dash: '–',
  chartTable: { show: 'Show the numbers' },
} as const;

/** The two outcomes, with the target's value in brackets. */
export const outcome = {
  outcome: {
    badName: 'bad ({{value}})',
    goodName: 'good ({{value}})',
  },
} as const;
