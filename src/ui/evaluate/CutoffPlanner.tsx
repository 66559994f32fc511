import { useEffect, useState } from 'react';
import type { Result } from '../../core/result';
import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CutoffPlan } from '../../worker/protocol';
import { formatCount } from '../shared/format';
import { NumberField } from '../shared/NumberField';

interface Props {
  readonly badLabel: string;
  readonly cutoff: number;
  readonly onCutoff: (cutoff: number) => void;
  readonly plan: (profitPerGood: number, lossPerBad: number) => Promise<Result<CutoffPlan>>;
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The cut-off planner: what a cut-off on the probability of bad does to approvals, bad rate and profit. */
export function CutoffPlanner({ badLabel, cutoff, onCutoff, plan }: Props) {
  const [profitPerGood, setProfitPerGood] = useState(1000);
  const [lossPerBad, setLossPerBad] = useState(5000);
  const [table, setTable] = useState<CutoffPlan | null>(null);

  useEffect(() => {
    let current = true;
    plan(profitPerGood, lossPerBad).then((result) => {
      if (current && result.ok) setTable(result.data);
      else if (!result.ok) console.error('Cut-off plan failed', result.reason);
    });
    return () => {
      current = false;
    };
  }, [plan, profitPerGood, lossPerBad]);

  if (!table) return <p className="hint">Planning cut-offs…</p>;
  // The exact best cut-offs are not on the 1% grid: show their own figures when chosen.
  const exact = [table.bestProfit, table.bestKs].find((e) => e.cutoff === cutoff);
  const row: CutoffEvaluation = exact ?? table.table[Math.round(cutoff * (table.table.length - 1))];
  return (
    <div className="cutoff-planner">
      <div className="field-row">
        <NumberField label="Profit per good loan" testId="profit-per-good-input" value={profitPerGood} min={0} max={1e9} step={100} onChange={setProfitPerGood} />
        <NumberField label="Loss per bad loan" testId="loss-per-bad-input" value={lossPerBad} min={0} max={1e9} step={100} onChange={setLossPerBad} />
        <button type="button" data-testid="max-profit-button" onClick={() => onCutoff(table.bestProfit.cutoff)}>
          Maximise profit
        </button>
        <button type="button" data-testid="max-ks-button" onClick={() => onCutoff(table.bestKs.cutoff)}>
          Maximise KS
        </button>
      </div>
      <label className="slider">
        Decline when the probability of {badLabel} is at least <strong data-testid="cutoff-value">{percent(cutoff)}</strong>
        <input
          type="range"
          data-testid="cutoff-slider"
          min={0}
          max={1}
          step={0.01}
          value={cutoff}
          aria-valuetext={percent(cutoff)}
          onChange={(e) => onCutoff(Number(e.target.value))}
        />
      </label>
      <table className="metrics-table cutoff-table">
        <tbody>
          <tr>
            <th scope="row">Approval rate</th>
            <td data-testid="approval-rate">{percent(row.approvalRate)}</td>
            <td className="hint">
              {formatCount(row.approved)} of {formatCount(row.rows)} test applicants
            </td>
          </tr>
          <tr>
            <th scope="row">Bad rate among approved</th>
            <td data-testid="bad-rate">{percent(row.badRateApproved)}</td>
            <td className="hint">{formatCount(row.badsApproved)} bad loans approved</td>
          </tr>
          <tr>
            <th scope="row">Precision / recall</th>
            <td data-testid="cutoff-precision">{row.precision.toFixed(3)}</td>
            <td data-testid="cutoff-recall">{row.recall.toFixed(3)}</td>
          </tr>
          <tr>
            <th scope="row">Expected profit on the test rows</th>
            <td data-testid="expected-profit">{money.format(row.expectedProfit)}</td>
            <td className="hint">
              {formatCount(row.goodsApproved)} × {money.format(profitPerGood)} − {formatCount(row.badsApproved)} × {money.format(lossPerBad)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
