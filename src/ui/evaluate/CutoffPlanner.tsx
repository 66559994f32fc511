import type { CutoffEvaluation } from '../../core/scoring/cutoff';
import type { CutoffPlan, CutoffRule, CutoffSuggestion, OutcomeNames } from '../../worker/protocol';
import { localFixed, localPercentTrimmed, numberFormat, translate, useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { formatCount } from '../shared/format';
import { NumberField } from '../shared/NumberField';
import { formatCutoff, formatPercent } from '../shared/outcome';
import { readingAt } from './cutoffAt';
import { badNode } from './outcomeNodes';
import { rich, slot } from '../shared/messageParts';
import { sourceWord } from './sourceWord';
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

/** Money in whole units with the language's grouping: "31,000". */
const money = (value: number) => numberFormat({ maximumFractionDigits: 0 }).format(value);

type RuleKey = 'maxProfit' | 'maxKs' | 'approvalRate';

const RULES: readonly { rule: CutoffRule; testId: string; key: RuleKey }[] = [
  { rule: 'max-profit', testId: 'max-profit-button', key: 'maxProfit' },
  { rule: 'max-ks', testId: 'max-ks-button', key: 'maxKs' },
  { rule: 'approval-rate', testId: 'approval-rate-button', key: 'approvalRate' },
];

/** A rule's button label in the active language: "Maximise profit", "Approve 60%". */
function ruleLabel(key: RuleKey, economics: Economics): string {
  return translate(`evaluate.cutoff.rule.${key}`, { rate: localPercentTrimmed(economics.targetApprovalRate, 1) });
}

/** "profit 31,000 · approves 80.3% · bad rate 4.5%": what a cut-off did on some rows. */
function figures(evaluation: CutoffEvaluation): string {
  return translate('evaluate.cutoff.figures', {
    profit: money(evaluation.expectedProfit),
    approval: formatPercent(evaluation.approvalRate),
    badRate: formatPercent(evaluation.badRateApproved),
  });
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
  const { t } = useT();
  // The approval-rate rule's label carries its target: data-rate holds it as a share.
  const rate = spec.rule === 'approval-rate' ? economics.targetApprovalRate : undefined;
  if (!suggestion) {
    return (
      <tr data-rule={spec.rule}>
        <td>
          <button type="button" data-testid={spec.testId} data-rate={rate} disabled>
            {ruleLabel(spec.key, economics)}
          </button>
        </td>
        <td colSpan={3} className="hint">
          {t('evaluate.cutoff.notAvailable')}
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
          data-rate={rate}
          title={t(`evaluate.cutoff.why.${spec.key}`, { source: sourceWord(searchedOn.source) })}
          onClick={() => onCutoff(suggestion.cutoff)}
        >
          {ruleLabel(spec.key, economics)}
        </button>
      </td>
      <td className="num">{formatCutoff(suggestion.cutoff)}</td>
      <td className="search-rows" data-ks={suggestion.ks}>
        {t('evaluate.cutoff.searchedOn', { rows: formatCount(searchedOn.rows), source: sourceWord(searchedOn.source), figures: figures(onSearchRows) })}
        {suggestion.ks !== undefined ? t('evaluate.cutoff.ks', { ks: localFixed(suggestion.ks, 3) }) : ''}
      </td>
      <td className="test-rows">{t('evaluate.cutoff.onTest', { rows: formatCount(onTest.rows), figures: figures(onTest) })}</td>
    </tr>
  );
}

/**
 * The cut-off planner: what a cut-off on the probability of bad does to approvals, bad rate and
 * profit on the test rows, and three suggested cut-offs, each searched on validation (or
 * out-of-fold) rows and graded on the test rows it never saw.
 */
export function CutoffPlanner({ outcome, testBads, cutoff, onCutoff, plan, planError, economics, onEconomics, notice }: Props) {
  const { t } = useT();
  const set = (change: Partial<Economics>) => onEconomics({ ...economics, ...change });
  const economicsFields = (
    <div className="field-row">
      <NumberField
        label={t('evaluate.cutoff.profitPerGood')}
        testId="profit-per-good-input"
        value={economics.profitPerGood}
        min={0}
        max={1e9}
        step={100}
        onChange={(profitPerGood) => set({ profitPerGood })}
      />
      <NumberField
        label={t('evaluate.cutoff.lossPerBad')}
        testId="loss-per-bad-input"
        value={economics.lossPerBad}
        min={0}
        max={1e9}
        step={100}
        onChange={(lossPerBad) => set({ lossPerBad })}
      />
      <NumberField
        label={t('evaluate.cutoff.targetRate')}
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
        {!planError && <p className="hint">{t('evaluate.cutoff.planning')}</p>}
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
          {t('evaluate.cutoff.suggestionsCaption', {
            where: suggestionRows
              ? t('evaluate.cutoff.searchRows', { rows: formatCount(suggestionRows.rows), source: sourceWord(suggestionRows.source) })
              : t('evaluate.cutoff.trainingRows'),
            rows: formatCount(row.rows),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluate.cutoff.columns.suggestion')}</th>
            <th scope="col">{t('evaluate.cutoff.columns.cutoff')}</th>
            <th scope="col">{t('evaluate.cutoff.columns.where')}</th>
            <th scope="col">{t('evaluate.cutoff.columns.onTest')}</th>
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
          {rich(t('evaluate.cutoff.slider', { bad: slot('bad'), cutoff: slot('cutoff') }), {
            bad: (
              <span className="outcome-bad" data-outcome="bad" data-target={outcome.target} data-value={outcome.bad}>
                {badNode(outcome)}
              </span>
            ),
            cutoff: (
              <strong data-testid="cutoff-value" data-cutoff={cutoff}>
                {formatPercent(cutoff)}
              </strong>
            ),
          })}
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
      <table
        className="metrics-table cutoff-table"
        data-testid="cutoff-readouts"
        data-rule={reading.rule ?? undefined}
        data-exact={reading.exact}
        data-rows={row.rows}
        data-approved={row.approved}
        data-goods-approved={row.goodsApproved}
        data-bads-approved={row.badsApproved}
        data-profit-per-good={economics.profitPerGood}
        data-loss-per-bad={economics.lossPerBad}
        data-expected-profit={row.expectedProfit}
      >
        <caption>
          {t('evaluate.cutoff.readoutCaption', { rows: formatCount(row.rows) })}
          {reading.rule ? t('evaluate.cutoff.exactOf', { label: ruleLabel(RULES.find((r) => r.rule === reading.rule)!.key, economics) }) : ''}
          {!reading.exact ? t('evaluate.cutoff.nearestStep', { step: formatPercent(row.cutoff, 0) }) : ''}
        </caption>
        <tbody>
          <tr>
            <th scope="row">{t('evaluate.cutoff.approvalRate')}</th>
            <td data-testid="approval-rate" data-value={row.approvalRate}>
              {formatPercent(row.approvalRate)}
            </td>
            <td className="hint">{t('evaluate.cutoff.approvedOf', { approved: formatCount(row.approved), rows: formatCount(row.rows) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('evaluate.cutoff.badRate')}</th>
            <td data-testid="bad-rate" data-value={row.badRateApproved}>
              {formatPercent(row.badRateApproved)}
            </td>
            <td className="hint">{t('evaluate.cutoff.badsApproved', { bads: formatCount(row.badsApproved) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('evaluate.cutoff.precision')}</th>
            <td data-testid="cutoff-precision" data-value={precision}>
              {localFixed(precision, 3)}
            </td>
            <td className="hint">{t('evaluate.cutoff.declinesOf', { bads: formatCount(badsDeclined), declined: formatCount(declined) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('evaluate.cutoff.recall')}</th>
            <td data-testid="cutoff-recall" data-value={recall}>
              {localFixed(recall, 3)}
            </td>
            <td className="hint">{t('evaluate.cutoff.badsOf', { declined: formatCount(badsDeclined), bads: formatCount(testBads) })}</td>
          </tr>
          <tr>
            <th scope="row">{t('evaluate.cutoff.profit', { rows: formatCount(row.rows) })}</th>
            <td data-testid="expected-profit" data-value={row.expectedProfit}>
              {money(row.expectedProfit)}
            </td>
            <td className="hint">
              {formatCount(row.goodsApproved)} × {money(economics.profitPerGood)} − {formatCount(row.badsApproved)} × {money(economics.lossPerBad)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
