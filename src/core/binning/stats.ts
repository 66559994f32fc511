/** Weight of evidence and information value of one bin, and the usual reading of a total IV. */
import type { BinStats, IvStrength } from './types';

/**
 * Counts and evidence of a bin with `goods` and `bads` out of the fit's totals. WoE = ln(%good / %bad)
 * with %good = goods / totalGoods; when the bin has no goods or no bads, 0.5 is added to both of its
 * counts for the WoE and IV (not for count, share or badRate), so the WoE stays finite. IV part =
 * (%good − %bad) × WoE with the same shares. An empty bin, or a fit without any goods or any bads
 * (no evidence either way), has WoE 0 and IV 0.
 */
export function binStats(goods: number, bads: number, totalGoods: number, totalBads: number, totalRows: number): BinStats {
  const count = goods + bads;
  const share = totalRows > 0 ? count / totalRows : 0;
  const badRate = count > 0 ? bads / count : 0;
  if (count === 0 || totalGoods === 0 || totalBads === 0) return { count, goods, bads, share, badRate, woe: 0, iv: 0 };
  const smooth = goods === 0 || bads === 0 ? 0.5 : 0;
  const goodShare = (goods + smooth) / totalGoods;
  const badShare = (bads + smooth) / totalBads;
  const woe = Math.log(goodShare / badShare);
  return { count, goods, bads, share, badRate, woe, iv: (goodShare - badShare) * woe };
}

/** Sum of the bins' IV parts (≥ 0). */
export function sumIv(bins: readonly BinStats[]): number {
  let iv = 0;
  for (const bin of bins) iv += bin.iv;
  return iv;
}

/**
 * The usual reading of a total IV, each band including its lower bound: [0, 0.02) not predictive,
 * [0.02, 0.1) weak, [0.1, 0.3) medium, [0.3, 0.5) strong, 0.5 and above suspicious (too good to be
 * true: check the characteristic for leakage of the outcome).
 */
export function ivStrength(iv: number): IvStrength {
  if (iv < 0.02) return 'not predictive';
  if (iv < 0.1) return 'weak';
  if (iv < 0.3) return 'medium';
  if (iv < 0.5) return 'strong';
  return 'suspicious';
}
