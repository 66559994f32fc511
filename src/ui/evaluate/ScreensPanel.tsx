import { useEffect, useState, type ChangeEvent } from 'react';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { DatasetId, ModelId } from '../../worker/protocol';
import type { FairnessReport, ImportanceReport } from '../../worker/screens';
import { type Failure, localFixed, localNumber, numberFormat, problemCode, problemText, translate, useT } from '../i18n';
import { Alert } from '../shared/Alert';
import { formatCount } from '../shared/format';
import { humanLabel } from '../shared/labels';
import { formatPercent } from '../shared/outcome';
import { data, rich, slot } from '../shared/messageParts';

/** An adverse impact ratio with two decimals, in the active language. */
const ratioText = (ratio: number) => numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ratio);

/** p in words: three significant digits, or "< 0.0001". */
function pText(p: number | null): string {
  if (p === null) return translate('dash');
  return p < 1e-4 ? translate('evaluate.screens.fairness.pBelow', { value: localNumber(1e-4) }) : numberFormat({ maximumSignificantDigits: 3 }).format(p);
}

/**
 * What a validator asks of a model besides its accuracy, on this session's test rows: which inputs
 * it relies on (permutation importance) and whether its approvals differ by group (a fair-lending screen).
 */
export function ScreensPanel({ bridge, modelId, cutoff, isScorecard }: { bridge: WorkerBridge; modelId: ModelId; cutoff: number; isScorecard: boolean }) {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="screens-heading">
      <h2 id="screens-heading">{t('evaluate.screens.title')}</h2>
      {!isScorecard && <Importance bridge={bridge} modelId={modelId} />}
      <Fairness bridge={bridge} modelId={modelId} cutoff={cutoff} />
    </section>
  );
}

function Importance({ bridge, modelId }: { bridge: WorkerBridge; modelId: ModelId }) {
  const { t } = useT();
  const [report, setReport] = useState<ImportanceReport | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const measure = async () => {
    setBusy(true);
    try {
      const result = await bridge.api.importance(modelId);
      if (result.ok) setReport(result.data);
      else setError(result);
    } finally {
      setBusy(false);
    }
  };
  const largest = report ? Math.max(1e-9, ...report.columns.map((c) => c.meanDrop)) : 1;
  return (
    <div className="importance">
      <h3>{t('evaluate.screens.importance.title')}</h3>
      <p className="hint">{t('evaluate.screens.importance.hint')}</p>
      <button type="button" data-testid="importance-button" disabled={busy} onClick={() => void measure()}>
        {busy ? t('evaluate.screens.importance.measuring') : t('evaluate.screens.importance.measure')}
      </button>
      {error && <Alert message={problemText(error)} code={problemCode(error)} />}
      {report && (
        <table className="importance-chart" data-testid="importance-chart" data-baseline-auc={report.baselineAuc} data-rows={report.rows} data-repeats={report.repeats}>
          <caption>
            {t('evaluate.screens.importance.caption', { auc: localFixed(report.baselineAuc, 4), rows: formatCount(report.rows), repeats: formatCount(report.repeats) })}
          </caption>
          <tbody>
            {report.columns.map((c) => (
              <tr key={c.column} data-feature={c.column} data-drop={c.meanDrop} data-sd={c.sd}>
                <th scope="row" translate="no">
                  {humanLabel(c.column)}
                </th>
                <td>
                  <span className="bar" style={{ width: `${Math.max(0, (c.meanDrop / largest) * 100)}%` }} />
                </td>
                <td>{t('evaluate.screens.importance.drop', { drop: localFixed(c.meanDrop, 4), sd: localFixed(c.sd, 4) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A separate file of groups, loaded in the worker: row i belongs to row i of the training file. */
interface GroupsFile {
  readonly datasetId: DatasetId;
  readonly name: string;
  readonly columns: readonly string[];
}

function Fairness({ bridge, modelId, cutoff }: { bridge: WorkerBridge; modelId: ModelId; cutoff: number }) {
  const { t } = useT();
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const [groupsFile, setGroupsFile] = useState<GroupsFile | null>(null);
  const [column, setColumn] = useState('');
  const [report, setReport] = useState<FairnessReport | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  useEffect(() => {
    void bridge.api.protectedCandidates(modelId).then((r) => setCandidates(r.ok ? r.data : []));
  }, [bridge, modelId]);
  // The worker holds the groups file until it is replaced or the screen goes away.
  const groupsId = groupsFile?.datasetId;
  useEffect(
    () => () => {
      if (groupsId) void bridge.api.releaseDataset(groupsId);
    },
    [bridge, groupsId],
  );
  // The screen is at the cut-off in force: it follows the slider.
  useEffect(() => {
    if (column === '') return;
    let current = true;
    void bridge.api.fairness(modelId, column, groupsId).then((r) => {
      if (!current) return;
      setReport(r.ok ? r.data : null);
      setError(r.ok ? null : r);
    });
    return () => {
      current = false;
    };
  }, [bridge, modelId, column, cutoff, groupsId]);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setColumn('');
    setReport(null);
    const loaded = await bridge.api.loadFile(
      newJobId(),
      file,
      file.name,
      proxy(() => undefined),
    );
    if (!loaded.ok) {
      setError(loaded);
      return;
    }
    setError(null);
    setGroupsFile({ datasetId: loaded.data.datasetId, name: file.name, columns: loaded.data.summary.columns.map((c) => c.name) });
  };

  const shown = groupsFile ? groupsFile.columns : candidates;
  return (
    <div className="fairness">
      <h3>{t('evaluate.screens.fairness.title')}</h3>
      <p className="hint">{t('evaluate.screens.fairness.hint')}</p>
      <label>
        {t('evaluate.screens.fairness.file')} <input type="file" accept=".csv,.txt,.tsv,text/csv" data-testid="protected-file" onChange={(e) => void chooseFile(e)} />
      </label>
      {groupsFile && (
        <p className="hint" data-testid="protected-file-name" data-file-name={groupsFile.name}>
          {rich(t('evaluate.screens.fairness.fileColumns', { file: slot('file') }), { file: data(groupsFile.name) })}{' '}
          <button
            type="button"
            onClick={() => {
              setGroupsFile(null);
              setColumn('');
              setReport(null);
            }}
          >
            {t('evaluate.screens.fairness.sessionColumns')}
          </button>
        </p>
      )}
      <label>
        {t('evaluate.screens.fairness.attribute')}{' '}
        <select data-testid="protected-select" value={column} onChange={(e) => setColumn(e.target.value)}>
          <option value="">{t('evaluate.screens.fairness.choose')}</option>
          {shown.map((c) => (
            <option key={c} value={c} translate="no">
              {c}
            </option>
          ))}
        </select>
      </label>
      {error && <Alert message={problemText(error)} code={problemCode(error)} />}
      {report && (
        <table
          className="fairness-report"
          data-testid="fairness-report"
          data-reference={report.reference ?? ''}
          data-cutoff={report.cutoff}
          data-source={report.source}
          data-column={report.column}
          data-rows={report.rows}
          data-used-by-model={report.usedByModel}
        >
          <caption>
            {rich(t('evaluate.screens.fairness.caption', { column: slot('column'), cutoff: formatPercent(report.cutoff), rows: formatCount(report.rows) }), {
              column: data(humanLabel(report.column)),
            })}
            {report.source === 'file' ? t('evaluate.screens.fairness.fromFile') : ''}
            {report.usedByModel ? t('evaluate.screens.fairness.usedByModel') : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluate.screens.fairness.columns.group')}</th>
              <th scope="col">{t('evaluate.screens.fairness.columns.applicants')}</th>
              <th scope="col">{t('evaluate.screens.fairness.columns.approved')}</th>
              <th scope="col">{t('evaluate.screens.fairness.columns.rate')}</th>
              <th scope="col">{t('evaluate.screens.fairness.columns.ratio')}</th>
              <th scope="col">
                {rich(t('evaluate.screens.fairness.columns.fisher', { reference: slot('reference') }), {
                  reference: report.reference === null ? t('dash') : data(report.reference),
                })}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr
                key={g.group}
                data-group={g.group}
                data-applicants={g.applicants}
                data-approved={g.approved}
                data-ratio={g.ratio ?? ''}
                data-flagged={g.flagged}
                data-p={g.fisherP ?? ''}
              >
                <th scope="row" translate="no">
                  {g.group}
                </th>
                <td>{formatCount(g.applicants)}</td>
                <td>{formatCount(g.approved)}</td>
                <td>{g.approvalRate === null ? t('dash') : formatPercent(g.approvalRate)}</td>
                <td>
                  {g.ratio === null ? t('dash') : ratioText(g.ratio)}
                  {g.flagged ? t('evaluate.screens.fairness.flagged') : ''}
                </td>
                <td>{g.group === report.reference ? t('evaluate.screens.fairness.reference') : pText(g.fisherP)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
