// The card's only style sheet, inlined: plain on screen, and on paper black on white with the
// table of contents left out, figures and table rows kept whole across pages.

/** The CSS of the model card. */
export const MODEL_CARD_CSS = `
:root { --ink: #1b2430; --muted: #5b6776; --accent: #1f4e79; --line: #d7dde4; --bad: #b3261e; --good: #1d6fa5; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { color: var(--accent); margin: 0 0 4px; font-size: 1.7em; }
h2 { color: var(--accent); border-bottom: 2px solid var(--line); padding-bottom: 4px; margin: 32px 0 12px; font-size: 1.3em; }
h3 { margin: 20px 0 8px; font-size: 1.05em; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
nav ol { columns: 2; margin: 8px 0 0; padding-left: 20px; }
nav a { color: var(--accent); }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; font-size: 0.92em; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f4f6f8; }
tbody th { font-weight: 500; }
table.facts th { width: 38%; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 0.85em; word-break: break-all; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure.chart { margin: 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.88em; color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 8px; }
@page { margin: 15mm; }
@media print {
  body { font-size: 10pt; color: #000; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  .charts { display: block; }
  figure.chart { margin-bottom: 12pt; }
  thead th { background: none; }
}
`;
