import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CutoffPlan, CutoffRule, CutoffSuggestion, OutcomeNames, RowSource } from '../../worker/protocol';
import { Alert } from '../shared/Alert';
import { formatCount } from '../shared/format';
import { NumberField } from '../shared/NumberField';
import { badName, formatCutoff, formatPercent } from '../shared/outcome';
import { readingAt } from './cutoffAt';
import type { Economics } from './useCutoffPlan';

interface Props {
  readonly outcome: OutcomeNames;
  /** Bad rows among the test rows (for recall: bad loans declined of all bad loans). */
  readonly testBads: number;
  readonly cutoff: number;
  readonly onCutoff: (cutoff: number) => void;
  readonly plan: CutoffPlan | null;
  readonly planError: string | null;
  readonly economics: Economics;
  readonly onEconomics: (economics: Economics) => void;
  /** Why the cut-off changed without the user (a new model), or null. */
  readonly notice: string | null;
}

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const RULES: readonly { rule: CutoffRule; testId: string; label: (economics: Economics) => string; what: string }[] = [
  { rule: 'max-profit', testId: 'max-profit-button', label: () => 'Maximise profit', what: 'the highest expected profit' },
  { rule: 'max-ks', testId: 'max-ks-button', label: () => 'Maximise KS', what: 'the widest gap between the shares of goods and bads approved' },
  { rule: 'approval-rate', testId: 'approval-rate-button', label: (e) => `Approve ${Number((100 * e.targetApprovalRate).toFixed(1))}%`, what: 'the target approval rate' },
];

const SOURCE_WORDS: Record<RowSource, string> = { test: 'test', validation: 'validation', 'out-of-fold': 'out-of-fold' };

/** "profit 31,000 · approves 80.3% · bad rate 4.5%": what a cut-off did on some rows. */
function figures(evaluation: CutoffEvaluation): string {
  return `profit ${money.format(evaluation.expectedProfit)} · approves ${formatPercent(evaluation.approvalRate)} · bad rate among approved ${formatPercent(evaluation.badRateApproved)}`;
}

/** One suggestion: its rule's button, its cut-off, what it did on the rows it was searched on and on the test rows. */
function SuggestionRow({
  spec,
  suggestion,
  economics,
  onCutoff,
}: {
  spec: (typeof RULES)[number];
  suggestion: CutoffSuggestion | undefined;
  economics: Economics;
  onCutoff: (cutoff: number) => void;
}) {
  if (!suggestion) {
    return (
      <tr data-rule={spec.rule}>
        <td>
          <button type="button" data-testid={spec.testId} disabled>
            {spec.label(economics)}
          </button>
        </td>
        <td colSpan={3} className="hint">
          Not available for this model.
        </td>
      </tr>
    );
  }
  const { searchedOn, onSearchRows, onTest } = suggestion;
  return (
    <tr
      data-rule={spec.rule}
      data-cutoff={suggestion.cutoff}
      data-search-source={searchedOn.source}
      data-search-rows={searchedOn.rows}
      data-search-profit={onSearchRows.expectedProfit}
      data-test-rows={onTest.rows}
      data-test-profit={onTest.expectedProfit}
      data-test-approved={onTest.approved}
      data-test-goods-approved={onTest.goodsApproved}
      data-test-bads-approved={onTest.badsApproved}
    >
      <td>
        <button
          type="button"
          data-testid={spec.testId}
          title={`The cut-off with ${spec.what} on the ${SOURCE_WORDS[searchedOn.source]} rows`}
          onClick={() => onCutoff(suggestion.cutoff)}
        >
          {spec.label(economics)}
        </button>
      </td>
      <td className="num">{formatCutoff(suggestion.cutoff)}</td>
      <td className="search-rows">
        searched on {formatCount(searchedOn.rows)} {SOURCE_WORDS[searchedOn.source]} rows: {figures(onSearchRows)}
        {suggestion.ks !== undefined ? ` · KS ${suggestion.ks.toFixed(3)}` : ''}
      </td>
      <td className="test-rows">
        on the {formatCount(onTest.rows)} test rows: {figures(onTest)}
      </td>
    </tr>
  );
}

/**
 * The cut-off planner: what a cut-off on the probability of bad does to approvals, bad rate and
 * profit on the test rows, and three suggested cut-offs, each searched on validation (or
 * out-of-fold) rows and graded on the test rows it never saw.
 */
export function CutoffPlanner({ outcome, testBads, cutoff, onCutoff, plan, planError, economics, onEconomics, notice }: Props) {
  const set = (change: Partial<Economics>) => onEconomics({ ...economics, ...change });
  const economicsFields = (
    <div className="field-row">
      <NumberField
        label="Profit per good loan"
        testId="profit-per-good-input"
        value={economics.profitPerGood}
        min={0}
        max={1e9}
        step={100}
        onChange={(profitPerGood) => set({ profitPerGood })}
      />
      <NumberField label="Loss per bad loan" testId="loss-per-bad-input" value={economics.lossPerBad} min={0} max={1e9} step={100} onChange={(lossPerBad) => set({ lossPerBad })} />
      <NumberField
        label="Target approval rate (%)"
        testId="approval-rate-input"
        value={Number((100 * economics.targetApprovalRate).toFixed(4))}
        min={0}
        max={100}
        step={1}
        onChange={(percent) => set({ targetApprovalRate: percent / 100 })}
      />
    </div>
  );
  if (!plan) {
    return (
      <div className="cutoff-planner">
        {economicsFields}
        <Alert message={planError} />
        {!planError && <p className="hint">Planning cut-offs…</p>}
      </div>
    );
  }
  const reading = readingAt(plan, cutoff);
  const row = reading.evaluation;
  const declined = row.rows - row.approved;
  const badsDeclined = testBads - row.badsApproved;
  // From the counts, as the confusion matrix is: bad is the positive class, a decline its prediction.
  const precision = declined > 0 ? badsDeclined / declined : 0;
  const recall = testBads > 0 ? badsDeclined / testBads : 0;
  const suggestionRows = plan.suggestions[0]?.searchedOn;
  return (
    <div className="cutoff-planner">
      {notice && (
        <p className="notice" data-testid="cutoff-reset-notice" role="status">
          {notice}
        </p>
      )}
      {economicsFields}
      <Alert message={planError} />
      <table className="metrics-table suggestions-table" data-testid="cutoff-suggestions">
        <caption>
          Suggested cut-offs, each searched on {suggestionRows ? `the ${formatCount(suggestionRows.rows)} ${SOURCE_WORDS[suggestionRows.source]} rows` : 'the training rows'} and
          then tried on the {formatCount(row.rows)} test rows, which played no part in choosing it
        </caption>
        <thead>
          <tr>
            <th scope="col">Suggestion</th>
            <th scope="col">Cut-off</th>
            <th scope="col">Where it was searched</th>
            <th scope="col">On the test rows</th>
          </tr>
        </thead>
        <tbody>
          {RULES.map((spec) => (
            <SuggestionRow key={spec.rule} spec={spec} suggestion={plan.suggestions.find((s) => s.rule === spec.rule)} economics={economics} onCutoff={onCutoff} />
          ))}
        </tbody>
      </table>
      <label className="slider">
        <span>
          Decline when the probability of <span className="outcome-bad">{badName(outcome)}</span> is at least <strong data-testid="cutoff-value">{formatPercent(cutoff)}</strong>
        </span>
        <input
          type="range"
          data-testid="cutoff-slider"
          min={0}
          max={1}
          step={0.01}
          value={cutoff}
          aria-valuetext={formatPercent(cutoff)}
          onChange={(e) => onCutoff(Number(e.target.value))}
        />
      </label>
      <table className="metrics-table cutoff-table" data-testid="cutoff-readouts" data-rule={reading.rule ?? undefined} data-exact={reading.exact}>
        <caption>
          At this cut-off, on the {formatCount(row.rows)} test rows
          {reading.rule ? ` (the exact cut-off of the "${RULES.find((r) => r.rule === reading.rule)!.label(economics)}" suggestion)` : ''}
          {!reading.exact ? ` (shown for the nearest 1% step, ${formatPercent(row.cutoff, 0)})` : ''}
        </caption>
        <tbody>
          <tr>
            <th scope="row">Approval rate</th>
            <td data-testid="approval-rate">{formatPercent(row.approvalRate)}</td>
            <td className="hint">
              {formatCount(row.approved)} of {formatCount(row.rows)} test applicants
            </td>
          </tr>
          <tr>
            <th scope="row">Bad rate among approved</th>
            <td data-testid="bad-rate">{formatPercent(row.badRateApproved)}</td>
            <td className="hint">{formatCount(row.badsApproved)} bad loans approved</td>
          </tr>
          <tr>
            <th scope="row">Precision: declines that were bad loans</th>
            <td data-testid="cutoff-precision">{precision.toFixed(3)}</td>
            <td className="hint">
              {formatCount(badsDeclined)} of {formatCount(declined)} declines
            </td>
          </tr>
          <tr>
            <th scope="row">Recall: bad loans declined</th>
            <td data-testid="cutoff-recall">{recall.toFixed(3)}</td>
            <td className="hint">
              {formatCount(badsDeclined)} of {formatCount(testBads)} bad loans
            </td>
          </tr>
          <tr>
            <th scope="row">Expected profit on the {formatCount(row.rows)} test rows</th>
            <td data-testid="expected-profit">{money.format(row.expectedProfit)}</td>
            <td className="hint">
              {formatCount(row.goodsApproved)} × {money.format(economics.profitPerGood)} − {formatCount(row.badsApproved)} × {money.format(economics.lossPerBad)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
