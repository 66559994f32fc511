/** Coarse classing: merging adjacent fine classes until every bin meets the fit's constraints. */
import { binStats } from './stats';

/** The fitted rows' totals every bin's share and evidence is measured against (missing cells included). */
export interface FitTotals {
  readonly goods: number;
  readonly bads: number;
  readonly rows: number;
}

/** What every merged bin must satisfy (the missing bin is never passed in, so it is exempt). */
export interface MergeConstraints {
  /** Fewest rows in a bin: minBinShare of the fitted rows, rounded up. */
  readonly minCount: number;
  readonly minGoods: number;
  readonly minBads: number;
  readonly maxBins: number;
  /** Required direction of the bad rate from the first bin to the last ('none': any). */
  readonly direction: 'none' | 'ascending' | 'descending';
}

interface Block {
  readonly start: number;
  readonly goods: number;
  readonly bads: number;
  readonly iv: number;
}

/**
 * Merges adjacent classes (given in order by their goods and bads) and returns the index of the first
 * class of each merged bin, ascending and starting at 0. First, when a direction is required, pool
 * adjacent violators (a bin whose bad rate does not strictly follow the direction is pooled with the
 * one before it, repeatedly, as in isotonic regression). Then, while a bin breaks a size constraint, merge the adjacent
 * pair holding such a bin that loses the least IV; then, while there are more than maxBins bins, merge
 * the adjacent pair that loses the least IV. Merging neighbours keeps a monotone sequence monotone, so
 * later steps never undo the first. Ends at one bin when the constraints cannot all be met.
 */
export function mergeAdjacentClasses(goods: ArrayLike<number>, bads: ArrayLike<number>, totals: FitTotals, constraints: MergeConstraints): number[] {
  const block = (start: number, g: number, b: number): Block => ({ start, goods: g, bads: b, iv: binStats(g, b, totals.goods, totals.bads, totals.rows).iv });
  const pool = (a: Block, b: Block): Block => block(a.start, a.goods + b.goods, a.bads + b.bads);

  const blocks: Block[] = [];
  for (let i = 0; i < goods.length; i++) {
    blocks.push(block(i, goods[i], bads[i]));
    while (blocks.length >= 2 && breaksDirection(blocks[blocks.length - 2], blocks[blocks.length - 1], constraints.direction)) {
      const last = blocks.pop() as Block;
      blocks.push(pool(blocks.pop() as Block, last));
    }
  }

  const tooSmall = (b: Block) => b.goods + b.bads < constraints.minCount || b.goods < constraints.minGoods || b.bads < constraints.minBads;
  for (;;) {
    const anySmall = blocks.some(tooSmall);
    if (blocks.length <= 1 || (!anySmall && blocks.length <= constraints.maxBins)) break;
    // While some bin is too small only pairs holding one are candidates; after that, any pair.
    let best = -1;
    let bestLoss = Number.POSITIVE_INFINITY;
    let bestCount = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < blocks.length; i++) {
      const a = blocks[i];
      const b = blocks[i + 1];
      if (anySmall && !tooSmall(a) && !tooSmall(b)) continue;
      const loss = a.iv + b.iv - pool(a, b).iv;
      const count = a.goods + a.bads + b.goods + b.bads;
      // Ties (common among pure or identical classes) go to the smaller merged bin, then the leftmost.
      if (loss < bestLoss - 1e-15 || (Math.abs(loss - bestLoss) <= 1e-15 && count < bestCount)) {
        best = i;
        bestLoss = loss;
        bestCount = count;
      }
    }
    blocks.splice(best, 2, pool(blocks[best], blocks[best + 1]));
  }
  return blocks.map((b) => b.start);
}

/**
 * True when b's bad rate after a's breaks the direction, compared as cross products (exact in integers).
 * Equal rates break it too: neighbours with one bad rate have one WoE, so pooling them loses no IV and
 * the bins are strictly monotone.
 */
function breaksDirection(a: Block, b: Block, direction: MergeConstraints['direction']): boolean {
  if (direction === 'none') return false;
  const left = a.bads * (b.goods + b.bads);
  const right = b.bads * (a.goods + a.bads);
  return direction === 'ascending' ? left >= right : left <= right;
}
