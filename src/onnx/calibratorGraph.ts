// The bundle's calibrator as graph nodes, in double as applyCalibrator computes it: σ(z), Platt's
// σ(a·z + b), or the isotonic map (linear between its knots, flat beyond them, then kept within
// [ISOTONIC_PROBABILITY_FLOOR, 1 − ISOTONIC_PROBABILITY_FLOOR]).
import { ISOTONIC_PROBABILITY_FLOOR, type Calibrator } from '../core/calibration/calibrator';
import { DTYPE, type GraphBuilder } from './graph';

/** The calibrated probability of label 1, double [N, 1], of the logit `z` (double [N, 1]). */
export function calibratedProbability(graph: GraphBuilder, z: string, calibrator: Calibrator): string {
  switch (calibrator.method) {
    case 'none':
      return graph.node('Sigmoid', [z]);
    case 'platt': {
      const { a, b } = calibrator;
      // a = 0 ignores the logit (applyPlatt): a constant σ(b) for every row, never 0 · ±∞.
      const scaled = a === 0 ? graph.node('Mul', [z, graph.doubles('zero', [0], [])]) : graph.node('Mul', [z, graph.doubles('platt_a', [a], [])]);
      return graph.node('Sigmoid', [graph.node('Add', [scaled, graph.doubles('platt_b', [b], [])])]);
    }
    case 'isotonic':
      return isotonic(graph, z, calibrator.x, calibrator.y);
  }
}

function isotonic(graph: GraphBuilder, z: string, x: readonly number[], y: readonly number[]): string {
  const floor = graph.doubles('isotonic_floor', [ISOTONIC_PROBABILITY_FLOOR], []);
  const ceiling = graph.doubles('isotonic_ceiling', [1 - ISOTONIC_PROBABILITY_FLOOR], []);
  let p: string;
  if (x.length === 1) {
    // One knot: every logit gets its value.
    p = graph.node('Add', [graph.node('Mul', [z, graph.doubles('zero', [0], [])]), graph.doubles('isotonic_y', [y[0]], [])]);
  } else {
    const last = x.length - 1;
    const clamped = graph.node('Clip', [z, graph.doubles('x_first', [x[0]], []), graph.doubles('x_last', [x[last]], [])]);
    // low = (knots ≤ z) − 1, kept in [0, last − 1]: the segment x[low] ≤ z ≤ x[low + 1].
    const atOrBelow = graph.node('Cast', [graph.node('LessOrEqual', [graph.doubles('knots', x, [1, x.length]), clamped])], { to: { int: DTYPE.int64 } });
    const count = graph.node('ReduceSum', [atOrBelow, graph.ints('axis', [1])], { keepdims: { int: 1 } });
    const low = graph.node('Clip', [graph.node('Sub', [count, graph.ints('one', [1], [])]), graph.ints('low_min', [0], []), graph.ints('low_max', [last - 1], [])]);
    const high = graph.node('Add', [low, graph.ints('one', [1], [])]);
    const knots = graph.doubles('knots_x', x);
    const values = graph.doubles('knots_y', y);
    const xl = graph.node('Gather', [knots, low]);
    const xh = graph.node('Gather', [knots, high]);
    const yl = graph.node('Gather', [values, low]);
    const yh = graph.node('Gather', [values, high]);
    const t = graph.node('Div', [graph.node('Sub', [clamped, xl]), graph.node('Sub', [xh, xl])]);
    p = graph.node('Add', [yl, graph.node('Mul', [t, graph.node('Sub', [yh, yl])])]);
  }
  return graph.node('Clip', [p, floor, ceiling]);
}
