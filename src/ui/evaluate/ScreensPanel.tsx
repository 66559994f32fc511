import { useEffect, useState, type ChangeEvent } from 'react';
import { newJobId, proxy, type WorkerBridge } from '../../worker/client';
import type { DatasetId, ModelId } from '../../worker/protocol';
import type { FairnessReport, ImportanceReport } from '../../worker/screens';
import { formatCount } from '../shared/format';
import { humanLabel } from '../shared/labels';
import { formatPercent } from '../shared/outcome';

const ratioFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** p in words: three significant digits, or "< 0.0001". */
function pText(p: number | null): string {
  if (p === null) return '–';
  return p < 1e-4 ? '< 0.0001' : String(Number(p.toPrecision(3)));
}

/**
 * What a validator asks of a model besides its accuracy, on this session's test rows: which inputs
 * it relies on (permutation importance) and whether its approvals differ by group (a fair-lending screen).
 */
export function ScreensPanel({ bridge, modelId, cutoff, isScorecard }: { bridge: WorkerBridge; modelId: ModelId; cutoff: number; isScorecard: boolean }) {
  return (
    <section className="card" aria-labelledby="screens-heading">
      <h2 id="screens-heading">What the model relies on, and a fair-lending screen</h2>
      {!isScorecard && <Importance bridge={bridge} modelId={modelId} />}
      <Fairness bridge={bridge} modelId={modelId} cutoff={cutoff} />
    </section>
  );
}

function Importance({ bridge, modelId }: { bridge: WorkerBridge; modelId: ModelId }) {
  const [report, setReport] = useState<ImportanceReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const measure = async () => {
    setBusy(true);
    try {
      const result = await bridge.api.importance(modelId);
      if (result.ok) setReport(result.data);
      else setError(result.reason);
    } finally {
      setBusy(false);
    }
  };
  const largest = report ? Math.max(1e-9, ...report.columns.map((c) => c.meanDrop)) : 1;
  return (
    <div className="importance">
      <h3>Permutation importance</h3>
      <p className="hint">
        How far the model’s AUC on the test rows falls when one input’s values are shuffled among the rows (a few shuffles; the bar is the mean, ± the spread). It describes this
        model on these rows, not the world: an input the model can do without, or one standing in for another, shows little importance.
      </p>
      <button type="button" data-testid="importance-button" disabled={busy} onClick={() => void measure()}>
        {busy ? 'Measuring…' : 'Measure importance'}
      </button>
      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}
      {report && (
        <table className="importance-chart" data-testid="importance-chart" data-baseline-auc={report.baselineAuc}>
          <caption>
            Drop in test AUC (baseline {report.baselineAuc.toFixed(4)}, {formatCount(report.rows)} rows, {report.repeats} shuffles per input)
          </caption>
          <tbody>
            {report.columns.map((c) => (
              <tr key={c.column} data-feature={c.column} data-drop={c.meanDrop} data-sd={c.sd}>
                <th scope="row">{humanLabel(c.column)}</th>
                <td>
                  <span className="bar" style={{ width: `${Math.max(0, (c.meanDrop / largest) * 100)}%` }} />
                </td>
                <td>
                  {c.meanDrop.toFixed(4)} ± {c.sd.toFixed(4)}
                </td>
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
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const [groupsFile, setGroupsFile] = useState<GroupsFile | null>(null);
  const [column, setColumn] = useState('');
  const [report, setReport] = useState<FairnessReport | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      setError(r.ok ? null : r.reason);
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
      setError(loaded.reason);
      return;
    }
    setError(null);
    setGroupsFile({ datasetId: loaded.data.datasetId, name: file.name, columns: loaded.data.summary.columns.map((c) => c.name) });
  };

  const shown = groupsFile ? groupsFile.columns : candidates;
  return (
    <div className="fairness">
      <h3>Fair-lending screen</h3>
      <p className="hint">
        Approval rates per group of a protected attribute at the cut-off in force, on the test rows; the adverse impact ratio is each group’s rate over the most-approved group’s,
        flagged below 0.8. This is a screening ratio from US employment guidelines (the four-fifths rule, 29 CFR 1607.4(D)), not a legal finding for lending. The column is read
        from this session’s data, or from a separate file with one row per row of the training file in the same order, for the screen only, and is never stored with the model;
        leave it out of the features.
      </p>
      <label>
        Groups from a separate file (optional) <input type="file" accept=".csv,.txt,.tsv,text/csv" data-testid="protected-file" onChange={(e) => void chooseFile(e)} />
      </label>
      {groupsFile && (
        <p className="hint" data-testid="protected-file-name">
          Columns of {groupsFile.name}, joined to the training file row by row.{' '}
          <button
            type="button"
            onClick={() => {
              setGroupsFile(null);
              setColumn('');
              setReport(null);
            }}
          >
            Use this session’s columns
          </button>
        </p>
      )}
      <label>
        Protected attribute{' '}
        <select data-testid="protected-select" value={column} onChange={(e) => setColumn(e.target.value)}>
          <option value="">choose a column…</option>
          {shown.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}
      {report && (
        <table className="fairness-report" data-testid="fairness-report" data-reference={report.reference ?? ''} data-cutoff={report.cutoff} data-source={report.source}>
          <caption>
            {humanLabel(report.column)} at a cut-off of {formatPercent(report.cutoff)}, {formatCount(report.rows)} test rows
            {report.source === 'file' ? ', groups from the separate file' : ''}
            {report.usedByModel ? ' — this column is one of the model’s inputs' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Applicants</th>
              <th scope="col">Approved</th>
              <th scope="col">Approval rate</th>
              <th scope="col">Adverse impact ratio</th>
              <th scope="col">Fisher p (vs. {report.reference ?? '–'})</th>
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
                <th scope="row">{g.group}</th>
                <td>{formatCount(g.applicants)}</td>
                <td>{formatCount(g.approved)}</td>
                <td>{g.approvalRate === null ? '–' : formatPercent(g.approvalRate)}</td>
                <td>
                  {g.ratio === null ? '–' : ratioFormat.format(g.ratio)}
                  {g.flagged ? ' ⚠ below 0.8' : ''}
                </td>
                <td>{g.group === report.reference ? 'reference' : pText(g.fisherP)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
