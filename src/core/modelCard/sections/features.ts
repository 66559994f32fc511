// Features: for a network, the fitted preprocessing of each input column; for a scorecard, each
// characteristic with its information value and the points of every bin on the policy's scale, so a
// reader can add an applicant's score up by hand from the card alone.

import type { BinStats, Binning } from '../../binning/types';
import { ivStrength } from '../../binning/stats';
import type { ModelBundle } from '../../bundle/types';
import { rangeText } from '../../clean/plan';
import { describeFill, type FeatureSpec } from '../../features/preprocessor';
import type { Scorecard, SelectionNote } from '../../scorecard/types';
import { scorecardPoints, type PointsRow } from '../../scorecard/scorecardPoints';
import { pointsFormula, pointsScaleConstants, type PointsScale } from '../../scoring/points';
import { missingStrategyText } from '../describe';
import { count, fixed, percent, plain, yesNo } from '../format';
import { html, type Html } from '../html';
import { bullets, paragraph, section, subheading } from '../section';
import { dataTable } from '../tables';

function encodingText(f: FeatureSpec): string {
  if (f.kind === 'categorical') return `one-hot over ${f.levels.length} level${f.levels.length === 1 ? '' : 's'} (an unseen level is none of them)`;
  if (f.ple !== null) {
    const e = f.ple.edges;
    return `piecewise-linear (PLE) over ${e.length - 1} quantile bins, ${plain(e[0])} to ${plain(e[e.length - 1])}`;
  }
  return `standardised: (x − ${plain(f.mean)}) / ${plain(f.std)}`;
}

function preprocessingRow(f: FeatureSpec): string[] {
  const fill = `${missingStrategyText(f.missing)}: ${describeFill(f)}`;
  if (f.kind === 'categorical') return [f.name, 'category', fill, 'no', 'none', 'any level', encodingText(f)];
  const clip = f.clip === null ? 'none' : `${f.clip.rule} (${count(f.clip.trainingCellsClipped)} training cells clipped)`;
  const flagged = f.trainedRange === null ? '' : `; flagged outside ${plain(f.trainedRange.lower)} to ${plain(f.trainedRange.upper)}`;
  const range = `${f.range === null ? 'any value' : rangeText(f.range)}${flagged}`;
  return [f.name, 'number', fill, yesNo(f.indicator), clip, range, encodingText(f)];
}

function networkFeatures(bundle: ModelBundle): Html {
  const pre = bundle.preprocessing;
  return html`${paragraph(
    `Each input column is prepared as fitted on the ${count(pre.fittedOnRows)} training rows and stored with the model; scoring applies it as stored and never refits it. ` +
      `The ${pre.features.length} features make ${count(pre.width)} network inputs.`,
  )}${dataTable(
    'Preprocessing per feature',
    [{ label: 'Feature' }, { label: 'Type' }, { label: 'Missing cells' }, { label: '"Was missing" input' }, { label: 'Clip' }, { label: 'Possible values' }, { label: 'Encoding' }],
    pre.features.map(preprocessingRow),
  )}`;
}

function binStatsOf(b: Binning, binIndex: number): BinStats {
  if (binIndex === -1) return b.missing;
  return b.kind === 'numeric' ? b.bins[binIndex] : b.groups[binIndex].stats;
}

function noteText(note: SelectionNote): string {
  if (note.code === 'low-iv') return `${note.column}: left out, IV ${fixed(note.iv, 4)} below the floor of ${fixed(note.minIv, 4)}.`;
  if (note.code === 'correlated') {
    return `${note.column} (IV ${fixed(note.iv, 4)}): left out, its WoE correlates ${fixed(note.correlation, 2)} with ${note.with} (IV ${fixed(note.withIv, 4)}), above the ceiling of ${fixed(note.maxCorrelation, 2)}.`;
  }
  return `${note.column}: kept although its IV ${fixed(note.iv, 4)} is below the floor of ${fixed(note.minIv, 4)}, as no candidate reached it and a model needs one input.`;
}

/** Smallest and largest total score: the sum over characteristics of their lowest and highest bin points. */
export function scoreRange(rows: readonly PointsRow[]): { readonly min: number; readonly max: number } {
  const byCharacteristic = new Map<string, number[]>();
  for (const r of rows) byCharacteristic.set(r.characteristic, [...(byCharacteristic.get(r.characteristic) ?? []), r.points]);
  let min = 0;
  let max = 0;
  for (const points of byCharacteristic.values()) {
    min += Math.min(...points);
    max += Math.max(...points);
  }
  return { min, max };
}

function scorecardFeatures(sc: Scorecard, scale: PointsScale): Html {
  const table = scorecardPoints(sc, scale);
  const m = sc.characteristics.length;
  const { factor, offset } = pointsScaleConstants(scale);
  const summary = dataTable(
    'Characteristics',
    [
      { label: 'Characteristic' },
      { label: 'Type' },
      { label: 'IV', align: 'number' },
      { label: 'Strength' },
      { label: 'Coefficient', align: 'number' },
      { label: 'Bins', align: 'number' },
      { label: 'Points range', align: 'number' },
      { label: 'Bins edited' },
    ],
    sc.characteristics.map((c) => {
      const points = table.rows.filter((r) => r.characteristic === c.column).map((r) => r.points);
      const bins = c.binning.kind === 'numeric' ? c.binning.bins.length : c.binning.groups.length;
      return [
        c.column,
        c.binning.kind === 'numeric' ? 'number' : 'category',
        fixed(c.binning.iv, 4),
        ivStrength(c.binning.iv),
        fixed(c.coefficient, 4),
        `${bins} + missing`,
        `${plain(Math.min(...points))} to ${plain(Math.max(...points))}`,
        yesNo(c.edited),
      ];
    }),
  );
  const perCharacteristic = sc.characteristics.map((c) => {
    const rows = table.rows.filter((r) => r.characteristic === c.column);
    return dataTable(
      `${c.column}: points per bin (IV ${fixed(c.binning.iv, 4)})`,
      [
        { label: 'Bin' },
        { label: 'Training rows', align: 'number' },
        { label: 'Share', align: 'number' },
        { label: 'Bad rate', align: 'number' },
        { label: 'WoE', align: 'number' },
        { label: 'IV part', align: 'number' },
        { label: 'Points', align: 'number' },
      ],
      rows.map((r) => {
        const s = binStatsOf(c.binning, r.binIndex);
        return [r.label, count(s.count), percent(s.share), percent(s.badRate), fixed(s.woe, 4), fixed(s.iv, 4), plain(r.points)];
      }),
    );
  });
  const range = scoreRange(table.rows);
  const left = sc.selection.notes;
  return html`${paragraph(
    `Log-odds of bad = ${fixed(sc.intercept, 4)} + Σ coefficient · WoE(bin of the answer), calibration included (${sc.calibration.method === 'platt' ? 'Platt' : 'none'}). ` +
      `Each bin's points are round(−(coefficient · WoE + intercept / ${m}) · ${fixed(factor, 4)} + ${fixed(offset, 4)} / ${m}) on the policy's scale (${pointsFormula(scale)}). ` +
      'An applicant’s score is the sum of the points of their bins, one per characteristic; more points mean lower risk. ' +
      'The scorecard bins the answers as given: a missing answer falls in its characteristic’s Missing bin, an unseen category level in the group for unseen levels.',
  )}${paragraph(
    `Fitted on ${count(sc.rows)} training rows (${count(sc.bads)} bad). Scores run from ${plain(range.min)} to ${plain(range.max)} points. ` +
      `Rounding each characteristic’s points moves the log-odds by at most ${fixed(table.maxRoundingLogOdds, 4)}; the probabilities shown are taken from the whole-point total.`,
  )}${summary}${subheading('Points per bin')}${perCharacteristic}${subheading('Characteristic selection')}${paragraph(
    `Candidates with an IV below ${fixed(sc.selection.minIv, 4)}, or whose WoE correlates above ${fixed(sc.selection.maxCorrelation, 2)} with a kept characteristic of higher IV, are left out. ` +
      `${sc.selection.candidates.length} candidates were considered.`,
  )}${left.length === 0 ? paragraph('Every candidate was kept.') : bullets(left.map(noteText))}`;
}

/** The preprocessing of each feature (network), or each characteristic's IV and points per bin (scorecard). */
export function featuresSection(bundle: ModelBundle): Html {
  return section('features', bundle.model.kind === 'scorecard' ? scorecardFeatures(bundle.model.scorecard, bundle.policy.scale) : networkFeatures(bundle));
}
