// A scorecard as graph nodes, read from the raw columns as the app reads an applicant: each
// characteristic's bin (a number equal to an edge goes to the bin above; missing to the missing
// bin; a level by its group, an unseen one to the unseen group), the whole points of that bin on the
// policy's scale, their sum, and the probability of bad of that integer total, as the app shows it.
import type { CategoricalBinning, NumericBinning } from '../core/binning/types';
import { scorecardPoints } from '../core/scorecard/scorecardPoints';
import type { Scorecard } from '../core/scorecard/types';
import { pointsScaleConstants, type PointsScale } from '../core/scoring/points';
import { DTYPE, type GraphBuilder } from './graph';
import { MISSING_SPELLINGS, type ColumnInputs } from './inputs';

/** The probability of bad, double [N, 1], from the total points of the applicant's bins on `scale`. */
export function scorecardProbabilityOfBad(graph: GraphBuilder, columns: ColumnInputs, scorecard: Scorecard, scale: PointsScale): string {
  const table = scorecardPoints(scorecard, scale);
  const terms = scorecard.characteristics.map((c) => {
    const rows = table.rows.filter((r) => r.characteristic === c.column);
    const bins = c.binning.kind === 'numeric' ? c.binning.bins.length : c.binning.groups.length;
    // Points by position: 0 the missing bin, 1 + i bin i.
    const points = [-1, ...Array.from({ length: bins }, (_, i) => i)].map((binIndex) => rows.find((r) => r.binIndex === binIndex)!.points);
    const position = c.binning.kind === 'numeric' ? numericPosition(graph, columns, c.binning) : categoricalPosition(graph, columns, c.binning);
    return graph.node('Gather', [graph.doubles('points', points), position]);
  });
  const total = terms.length === 1 ? terms[0] : graph.node('Sum', terms);
  // probabilityFromPoints: 1 / (1 + exp((points − offset) / factor)) = σ(−(points − offset) / factor).
  const { factor, offset } = pointsScaleConstants(scale);
  const logOddsOfGood = graph.node('Div', [graph.node('Sub', [total, graph.doubles('offset', [offset], [])]), graph.doubles('factor', [factor], [])]);
  return graph.node('Sigmoid', [graph.node('Neg', [logOddsOfGood])]);
}

/** Int64 [N, 1]: 0 for a missing value, else 1 + the number of edges at or below it. */
function numericPosition(graph: GraphBuilder, columns: ColumnInputs, binning: NumericBinning): string {
  const v = columns.number(binning.column);
  if (binning.edges.length === 0) return graph.node('Where', [columns.missing(binning.column), graph.ints('zero', [0], []), graph.ints('one', [1], [])]);
  // The input is float32: an edge is compared as its nearest float32, so a value written exactly at
  // an edge ("16.12000084") still goes to the bin above, as the app's double reading sends it.
  const edges = binning.edges.map((e) => Math.fround(e));
  const below = graph.node('Cast', [graph.node('LessOrEqual', [graph.doubles('edges', edges, [1, edges.length]), v])], { to: { int: DTYPE.int64 } });
  const bin = graph.node('ReduceSum', [below, graph.ints('axis', [1])], { keepdims: { int: 1 } });
  return graph.node('Where', [columns.missing(binning.column), graph.ints('zero', [0], []), graph.node('Add', [bin, graph.ints('one', [1], [])])]);
}

/** Int64 [N, 1] from a LabelEncoder: a level's group (as typed first, as applicantBinIndex reads it), then missing spellings → 0, anything else the unseen group. */
function categoricalPosition(graph: GraphBuilder, columns: ColumnInputs, binning: CategoricalBinning): string {
  const positionOf = new Map<string, number>();
  for (const spelling of MISSING_SPELLINGS) positionOf.set(spelling, 0);
  binning.groups.forEach((group, g) => {
    for (const level of group.levels) positionOf.set(level, g + 1);
  });
  return graph.node(
    'LabelEncoder',
    [columns.text(binning.column)],
    { keys_strings: [...positionOf.keys()], values_int64s: { ints: [...positionOf.values()] }, default_int64: { int: binning.unseenGroup + 1 } },
    'ai.onnx.ml',
  );
}
