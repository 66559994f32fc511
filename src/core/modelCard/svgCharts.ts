// The card's charts as inline SVG, drawn from the bundle's chart data alone (no script, no external
// asset), so a printed or archived card shows them exactly. Each is a <figure> whose <svg> has a
// <title> and a <desc>, and whose caption says in words what the chart shows. Bad has one colour and
// a second cue besides it, as in the app: a dashed line, hatched bars.

import type { EvaluationCharts, OutcomeNames } from '../evaluation/types';
import { fixed, percent } from './format';
import { html, join, type Html } from './html';

const WIDTH = 420;
const HEIGHT = 320;
const MARGIN = { left: 60, right: 16, top: 40, bottom: 52 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const TICKS_01 = [0, 0.2, 0.4, 0.6, 0.8, 1];

/** The colours of the two outcomes and of the model, as in the app's styles.css. */
export const CHART_COLOURS = { bad: '#b3261e', good: '#1d6fa5', model: '#1f4e79', reference: '#8a8a8a', grid: '#e3e7ec', axis: '#5b6776' } as const;
/** The dash of every line that stands for bad outcomes (the cue besides colour). */
export const BAD_DASH = '6 3';
const HATCH_ID = 'model-card-bad-hatch';

/** Plot coordinates of a value in [0, 1] on the x axis, or in [0, top] on the y axis. */
function xAt(v: number): number {
  return MARGIN.left + v * PLOT_W;
}
function yAt(v: number, top = 1): number {
  return MARGIN.top + (1 - v / top) * PLOT_H;
}

/** A coordinate to 0.1 of a unit: exact enough on screen and in print, short in the file. */
function c(v: number): string {
  return fixed(v, 1);
}

/** The `points` attribute of a polyline through (x, y) pairs in data units. */
function pointsAttr(points: readonly (readonly [number, number])[], top = 1): string {
  return points.map(([x, y]) => `${c(xAt(x))},${c(yAt(y, top))}`).join(' ');
}

/** Grid, ticks, tick labels and axis titles of a plot whose x runs 0 to 1 and y 0 to `yTop`. */
function axes(xTitle: string, yTitle: string, yTicks: readonly number[], yTop: number, yLabel: (v: number) => string): Html {
  const grid = [
    ...TICKS_01.map((t) => html`<line x1="${c(xAt(t))}" y1="${c(yAt(0, yTop))}" x2="${c(xAt(t))}" y2="${c(yAt(yTop, yTop))}" />`),
    ...yTicks.map((t) => html`<line x1="${c(xAt(0))}" y1="${c(yAt(t, yTop))}" x2="${c(xAt(1))}" y2="${c(yAt(t, yTop))}" />`),
  ];
  const xLabels = TICKS_01.map((t) => html`<text x="${c(xAt(t))}" y="${c(yAt(0, yTop) + 16)}" text-anchor="middle">${fixed(t, 1)}</text>`);
  const yLabels = yTicks.map((t) => html`<text x="${c(xAt(0) - 6)}" y="${c(yAt(t, yTop) + 4)}" text-anchor="end">${yLabel(t)}</text>`);
  const midY = MARGIN.top + PLOT_H / 2;
  return html`<g class="grid" stroke="${CHART_COLOURS.grid}" stroke-width="1">${grid}</g>
<rect x="${c(MARGIN.left)}" y="${c(MARGIN.top)}" width="${c(PLOT_W)}" height="${c(PLOT_H)}" fill="none" stroke="${CHART_COLOURS.axis}" stroke-width="1" />
<g class="ticks" font-size="11" fill="${CHART_COLOURS.axis}">${xLabels}${yLabels}</g>
<text class="axis-title" x="${c(MARGIN.left + PLOT_W / 2)}" y="${c(HEIGHT - 12)}" text-anchor="middle" font-size="12">${xTitle}</text>
<text class="axis-title" x="16" y="${c(midY)}" text-anchor="middle" font-size="12" transform="rotate(-90 16 ${c(midY)})">${yTitle}</text>`;
}

/** One legend entry: a line (dashed for bad) or a swatch, and its text. */
interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  /** A filled swatch instead of a line (bars); 'hatch' fills it with the bad hatching. */
  readonly swatch?: 'solid' | 'hatch';
}

/** The legend along the top margin, one row per entry. */
function legend(entries: readonly LegendEntry[]): Html {
  const rows = entries.map((e, i) => {
    const y = 12 + i * 14;
    const x = MARGIN.left;
    const mark =
      e.swatch === undefined
        ? html`<line x1="${c(x)}" y1="${c(y)}" x2="${c(x + 24)}" y2="${c(y)}" stroke="${e.colour}" stroke-width="2"${e.dash === undefined ? null : html` stroke-dasharray="${e.dash}"`} />`
        : html`<rect x="${c(x + 6)}" y="${c(y - 5)}" width="12" height="10" fill="${e.swatch === 'hatch' ? `url(#${HATCH_ID})` : e.colour}" stroke="${e.colour}" />`;
    return html`${mark}<text x="${c(x + 30)}" y="${c(y + 4)}" font-size="11">${e.label}</text>`;
  });
  return html`<g class="legend">${rows}</g>`;
}

/** The dashed diagonal from (0, 0) to (1, 1): chance for the ROC, perfect calibration for the calibration plot. */
function diagonal(): Html {
  return html`<line class="diagonal" x1="${c(xAt(0))}" y1="${c(yAt(0))}" x2="${c(xAt(1))}" y2="${c(yAt(1))}" stroke="${CHART_COLOURS.reference}" stroke-dasharray="4 4" stroke-width="1" />`;
}

/** A figure: the svg with its title and description, and the caption that says the same in words. */
function figure(id: string, title: string, description: string, body: Html): Html {
  return html`<figure class="chart" id="${id}">
<svg role="img" viewBox="0 0 ${String(WIDTH)} ${String(HEIGHT)}" width="${String(WIDTH)}" height="${String(HEIGHT)}" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${description}</desc>
${body}
</svg>
<figcaption><strong>${title}.</strong> ${description}</figcaption>
</figure>\n`;
}

/** A figure standing in for a chart without data. */
function emptyFigure(id: string, title: string): Html {
  return html`<figure class="chart" id="${id}"><figcaption><strong>${title}.</strong> No data for this chart in the bundle.</figcaption></figure>\n`;
}

/** The ROC's true positive rate at false positive rate `fpr`, linear between the stored points (sorted by fpr). */
export function tprAt(points: EvaluationCharts['roc'], fpr: number): number {
  const sorted = [...points].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
  if (sorted.length === 0) return Number.NaN;
  let before = sorted[0];
  for (const p of sorted) {
    if (p.fpr >= fpr) {
      if (p.fpr === before.fpr) return p.tpr;
      return before.tpr + ((p.tpr - before.tpr) * (fpr - before.fpr)) / (p.fpr - before.fpr);
    }
    before = p;
  }
  return sorted[sorted.length - 1].tpr;
}

/** The ROC curve (bads declined against goods declined as the cut-off falls) with the chance diagonal. */
export function rocChart(points: EvaluationCharts['roc'], auc: number): Html {
  const title = 'ROC curve';
  if (points.length === 0) return emptyFigure('chart-roc', title);
  const description =
    `Share of bads declined against share of goods declined as the cut-off falls, ${points.length} points; the dashed diagonal is a model that ranks at random. ` +
    `AUC ${fixed(auc, 4)}. Declining ${percent(0.1, 0)} of the goods declines ${percent(tprAt(points, 0.1))} of the bads.`;
  const line = html`<polyline data-series="roc" points="${pointsAttr(points.map((p) => [p.fpr, p.tpr]))}" fill="none" stroke="${CHART_COLOURS.model}" stroke-width="2" />`;
  const body = join([
    axes('share of goods declined (false positive rate)', 'share of bads declined', TICKS_01, 1, (t) => fixed(t, 1)),
    diagonal(),
    line,
    legend([
      { label: `model (AUC ${fixed(auc, 4)})`, colour: CHART_COLOURS.model },
      { label: 'random ranking', colour: CHART_COLOURS.reference, dash: '4 4' },
    ]),
  ]);
  return figure('chart-roc', title, description, body);
}

/** Mean predicted probability of bad against the observed bad rate per bin, with the diagonal of perfect calibration. */
export function calibrationChart(bins: EvaluationCharts['calibration'], ece: number): Html {
  const title = 'Calibration';
  const data = bins.filter((b) => b.count > 0);
  if (data.length === 0) return emptyFigure('chart-calibration', title);
  const worst = data.reduce((a, b) => (Math.abs(b.observed - b.predicted) > Math.abs(a.observed - a.predicted) ? b : a));
  const description =
    `Mean predicted probability of bad against the observed bad rate in ${data.length} bins of the probability (dots sized by rows); the dashed diagonal is perfect calibration. ` +
    `Expected calibration error ${fixed(ece, 4)}. The largest gap is in the bin predicting ${percent(worst.predicted)}, where ${percent(worst.observed)} of ${worst.count} rows were bad.`;
  const most = Math.max(...data.map((b) => b.count));
  const dots = data.map((b) => {
    const r = 2.5 + 4.5 * Math.sqrt(b.count / most);
    return html`<circle cx="${c(xAt(b.predicted))}" cy="${c(yAt(b.observed))}" r="${fixed(r, 1)}" />`;
  });
  const body = join([
    axes('mean predicted probability of bad', 'observed bad rate', TICKS_01, 1, (t) => fixed(t, 1)),
    diagonal(),
    html`<polyline data-series="calibration" points="${pointsAttr(data.map((b) => [b.predicted, b.observed]))}" fill="none" stroke="${CHART_COLOURS.model}" stroke-width="1.5" />`,
    html`<g class="dots" fill="${CHART_COLOURS.model}">${dots}</g>`,
    legend([
      { label: 'bins of the test rows (dot size: rows)', colour: CHART_COLOURS.model },
      { label: 'perfect calibration', colour: CHART_COLOURS.reference, dash: '4 4' },
    ]),
  ]);
  return figure('chart-calibration', title, description, body);
}

/** Tick step for a y axis up to `top`: the smallest of 1, 2, 2.5, 5 × 10^k giving at most 6 intervals. */
function tickStep(top: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(top / 6));
  for (const m of [1, 2, 2.5, 5, 10]) if (top / (m * magnitude) <= 6) return m * magnitude;
  return 10 * magnitude;
}

/** The histogram of the probability of bad, each outcome's bins as shares of its own test rows, so the rarer outcome is visible. */
export function distributionChart(bins: EvaluationCharts['distribution'], outcome: OutcomeNames): Html {
  const title = 'Probability of bad by actual outcome';
  const bads = bins.reduce((s, b) => s + b.bads, 0);
  const goods = bins.reduce((s, b) => s + b.goods, 0);
  if (bins.length === 0 || bads + goods === 0) return emptyFigure('chart-distribution', title);
  const badShare = (b: (typeof bins)[number]) => (bads > 0 ? b.bads / bads : 0);
  const goodShare = (b: (typeof bins)[number]) => (goods > 0 ? b.goods / goods : 0);
  const highest = Math.max(...bins.map((b) => Math.max(badShare(b), goodShare(b))));
  const step = tickStep(highest > 0 ? highest : 1);
  const top = Math.max(step, Math.ceil(highest / step - 1e-9) * step);
  const yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, k) => k * step);
  const bars = bins.map((b) => {
    const x0 = xAt(b.from);
    const w = (xAt(b.to) - x0) / 2;
    const good = html`<rect class="bar-good" x="${c(x0)}" y="${c(yAt(goodShare(b), top))}" width="${c(w)}" height="${c(yAt(0, top) - yAt(goodShare(b), top))}" fill="${CHART_COLOURS.good}" />`;
    const bad = html`<rect class="bar-bad" x="${c(x0 + w)}" y="${c(yAt(badShare(b), top))}" width="${c(w)}" height="${c(yAt(0, top) - yAt(badShare(b), top))}" fill="url(#${HATCH_ID})" stroke="${CHART_COLOURS.bad}" stroke-width="0.75" />`;
    return html`${good}${bad}`;
  });
  const meanOf = (weight: (b: (typeof bins)[number]) => number) => bins.reduce((s, b) => s + weight(b) * ((b.from + b.to) / 2), 0);
  const description =
    `Histogram of the probability of bad in ${bins.length} bins: each bar is the share of that outcome's test rows in the bin (${bads} bad, ${goods} good rows); bad bars are hatched. ` +
    `At bin midpoints the bads average a probability of bad of about ${fixed(meanOf(badShare), 2)}, the goods about ${fixed(meanOf(goodShare), 2)}.`;
  const hatch = html`<defs><pattern id="${HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${CHART_COLOURS.bad}" /><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.5" /></pattern></defs>`;
  const body = join([
    hatch,
    axes('probability of bad', "share of the outcome's test rows", yTicks, top, (t) => percent(t, step < 0.01 ? 1 : 0)),
    html`<g class="bars">${bars}</g>`,
    legend([
      { label: `actual good (${outcome.target} = ${outcome.good})`, colour: CHART_COLOURS.good, swatch: 'solid' },
      { label: `actual bad (${outcome.target} = ${outcome.bad}), hatched`, colour: CHART_COLOURS.bad, swatch: 'hatch' },
    ]),
  ]);
  return figure('chart-distribution', title, description, body);
}

/** Where the cumulative shares of bads and goods are furthest apart: the KS and the share of applicants there. */
export function widestGap(points: EvaluationCharts['ks']): { readonly share: number; readonly gap: number } {
  let best = { share: 0, gap: 0 };
  for (const p of points) if (p.bads - p.goods > best.gap) best = { share: p.share, gap: p.bads - p.goods };
  return best;
}

/** Cumulative shares of bads (dashed) and goods among the riskiest applicants, with the widest gap (the KS) marked. */
export function ksChart(points: EvaluationCharts['ks'], outcome: OutcomeNames): Html {
  const title = 'KS: cumulative shares of bads and goods, riskiest first';
  if (points.length === 0) return emptyFigure('chart-ks', title);
  const widest = widestGap(points);
  const tenth = points.find((p) => p.share >= 0.1 - 1e-9) ?? points[points.length - 1];
  const description =
    `Cumulative share of bads (dashed) and of goods among the riskiest share of test rows, ${points.length} points per line. ` +
    `The riskiest ${percent(tenth.share, 0)} hold ${percent(tenth.bads)} of the bads and ${percent(tenth.goods)} of the goods; ` +
    `the gap is widest, KS ${fixed(widest.gap, 4)}, at the riskiest ${percent(widest.share)}.`;
  const at = points.find((p) => p.share === widest.share);
  const body = join([
    axes('share of applicants, riskiest first', 'cumulative share', TICKS_01, 1, (t) => fixed(t, 1)),
    html`<line class="ks-gap" x1="${c(xAt(widest.share))}" y1="${c(yAt(at?.goods ?? 0))}" x2="${c(xAt(widest.share))}" y2="${c(yAt(at?.bads ?? 0))}" stroke="${CHART_COLOURS.axis}" stroke-width="1.5" />`,
    html`<text x="${c(xAt(widest.share) + 6)}" y="${c(yAt(((at?.bads ?? 0) + (at?.goods ?? 0)) / 2))}" font-size="11">KS ${fixed(widest.gap, 4)}</text>`,
    html`<polyline data-series="ks-bads" points="${pointsAttr(points.map((p) => [p.share, p.bads]))}" fill="none" stroke="${CHART_COLOURS.bad}" stroke-width="2" stroke-dasharray="${BAD_DASH}" />`,
    html`<polyline data-series="ks-goods" points="${pointsAttr(points.map((p) => [p.share, p.goods]))}" fill="none" stroke="${CHART_COLOURS.good}" stroke-width="2" />`,
    legend([
      { label: `cumulative share of bads (${outcome.target} = ${outcome.bad}), dashed`, colour: CHART_COLOURS.bad, dash: BAD_DASH },
      { label: `cumulative share of goods (${outcome.target} = ${outcome.good})`, colour: CHART_COLOURS.good },
    ]),
  ]);
  return figure('chart-ks', title, description, body);
}
