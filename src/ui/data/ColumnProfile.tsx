import { memo } from 'react';
import type { ColumnInfo, IdentifierReason } from '../../core/columns/profile';
import { targetBalance, type ColumnProfile } from '../../core/profile/profileTable';
import { localPercent, numberFormat, translate, useT } from '../i18n';
import { formatCount } from '../shared/format';
import { MiniHistogram } from './Histogram';
import { useProgressiveCount } from '../shared/useProgressiveCount';

interface Props {
  readonly profiles: readonly ColumnProfile[];
  /** The chosen target column ('' for none yet). */
  readonly target: string;
  readonly rowCount: number;
}

const COMPACT: Intl.NumberFormatOptions = { notation: 'compact', maximumSignificantDigits: 3 };

/** A number in at most 3 significant digits, in the active language: 12.3K (1.23万), 1.2M, 0.123, 7.24e-7; an en dash when undefined. */
function formatCompact(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential(2) : numberFormat(COMPACT).format(value);
}

/** A share in [0, 1] as a percentage with one decimal; "<0.1%" for tiny non-zero shares. */
function formatShare(share: number): string {
  if (share > 0 && share < 0.0005) return translate('data.profile.lessThan', { value: localPercent(0.001, 1) });
  return localPercent(share, 1);
}

const IDENTIFIER_REASON_KEYS = { unnamed: 'unnamed', 'id-name': 'idName', sequence: 'sequence', 'unique-text': 'uniqueText' } as const satisfies Record<IdentifierReason, string>;

/** A column's role as shown, in the active language: "numeric", "categorical", or "identifier (row numbers)" with why it is one. */
export function roleText(column: Pick<ColumnInfo, 'role' | 'identifierReason'>): string {
  if (column.role !== 'identifier') return translate(`data.role.${column.role}`);
  return column.identifierReason
    ? translate('data.role.identifierWhy', { reason: translate(`data.identifierReason.${IDENTIFIER_REASON_KEYS[column.identifierReason]}`) })
    : translate('data.role.identifier');
}

/** The data step's column overview: the target's balance, then type, missing, distinct, range and a tiny chart per column. */
const ROWS_PER_FRAME = 2;

export const ColumnProfilePanel = memo(function ColumnProfilePanel({ profiles, target, rowCount }: Props) {
  // A row a histogram: mounted a few a frame, so the table is several short commits (see useProgressiveCount).
  const shownRows = useProgressiveCount(profiles.length, ROWS_PER_FRAME);
  const { t } = useT();
  const targetProfile = target === '' ? undefined : profiles.find((p) => p.name === target);
  return (
    <section className="card column-profile" data-testid="column-profile" aria-labelledby="column-profile-heading">
      <h2 id="column-profile-heading">{t('data.profile.title')}</h2>
      <p className="hint">{t('data.profile.size', { rows: formatCount(rowCount), columns: formatCount(profiles.length) })}</p>
      {targetProfile && <TargetBalance profile={targetProfile} />}
      <div className="column-profile-scroll">
        <table className="column-profile-table">
          <thead>
            <tr>
              <th scope="col">{t('data.profile.column')}</th>
              <th scope="col">{t('data.profile.type')}</th>
              <th scope="col" className="num">
                {t('data.profile.missing')}
              </th>
              <th scope="col" className="num">
                {t('data.profile.distinct')}
              </th>
              <th scope="col" className="num">
                {t('data.profile.min')}
              </th>
              <th scope="col" className="num">
                {t('data.profile.median')}
              </th>
              <th scope="col" className="num">
                {t('data.profile.max')}
              </th>
              <th scope="col">{t('data.profile.distribution')}</th>
            </tr>
          </thead>
          <tbody>
            {profiles.slice(0, shownRows).map((p) => (
              <ProfileRow key={p.name} profile={p} isTarget={p.name === target} present={rowCount - p.missing} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

/** "loan_status: 0 = 78.1% · 1 = 21.9%", with a thin stacked bar. */
const TargetBalance = memo(function TargetBalance({ profile }: { readonly profile: ColumnProfile }) {
  useT(); // re-render with the language
  const balance = targetBalance(profile);
  if (balance.length === 0) return null;
  return (
    <div className="target-balance-row">
      <p className="target-balance" data-testid="target-balance">
        <strong translate="no">{profile.name}</strong>: <span translate="no">{balance.map((b) => `${b.level} = ${formatShare(b.share)}`).join(' · ')}</span>
      </p>
      <div className="target-balance-bar" aria-hidden="true">
        {balance.map((b, i) => (
          <span key={b.level} className={`target-balance-part part-${i % 4}`} style={{ width: `${b.share * 100}%` }} />
        ))}
      </div>
    </div>
  );
});

interface RowProps {
  readonly profile: ColumnProfile;
  readonly isTarget: boolean;
  /** Non-missing cells in the column. */
  readonly present: number;
}

const ProfileRow = memo(function ProfileRow({ profile: p, isTarget, present }: RowProps) {
  const { t } = useT();
  return (
    <tr data-column={p.name} data-role={p.role} data-identifier-reason={p.identifierReason} className={isTarget ? 'is-target' : undefined}>
      <th scope="row" title={p.name} translate="no">
        {p.name}
      </th>
      <td>{isTarget ? t('data.role.target') : roleText(p)}</td>
      <td className="num">
        {p.missing === 0 ? (
          localPercent(0, 0)
        ) : (
          <>
            {formatShare(p.missingShare)} <span className="count">({formatCount(p.missing)})</span>
          </>
        )}
      </td>
      <td className="num">{p.distinctCapped ? t('data.profile.atLeast', { value: formatCount(p.distinct) }) : formatCount(p.distinct)}</td>
      {p.categorical ? (
        <td colSpan={3} className="top-levels" title={topLevelsText(p, present)} translate="no">
          {topLevelsText(p, present)}
        </td>
      ) : (
        <>
          <td className="num">{formatCompact(p.numeric?.min)}</td>
          <td className="num">{formatCompact(p.numeric?.median)}</td>
          <td className="num">{formatCompact(p.numeric?.max)}</td>
        </>
      )}
      {/* translate="no": the chart's title names the column and its levels (the user's data). */}
      <td className="chart-cell" translate="no" data-histogram-values={p.numeric ? present : undefined} data-histogram-bins={p.numeric?.histogram.counts.length}>
        <ColumnChart profile={p} present={present} />
      </td>
    </tr>
  );
});

/** "RENT 40.1% · OWN 30.0% · …": the most common levels of a categorical column. */
function topLevelsText(p: ColumnProfile, present: number): string {
  const top = p.categorical?.top ?? [];
  if (top.length === 0 || present === 0) return '–';
  const shown = top.slice(0, 3).map((t) => `${t.level} ${formatShare(t.count / present)}`);
  const separator = translate('data.profile.levelsSeparator');
  return top.length > 3 || (p.categorical?.otherCount ?? 0) > 0 ? `${shown.join(separator)}${separator}…` : shown.join(separator);
}

function ColumnChart({ profile: p, present }: { readonly profile: ColumnProfile; readonly present: number }) {
  if (p.numeric) {
    const { histogram, min, max } = p.numeric;
    const bins = histogram.counts.length;
    const title = translate('data.profile.histogram', { count: bins, column: p.name, values: formatCount(present), min: formatCompact(min), max: formatCompact(max) });
    return <MiniHistogram counts={histogram.counts} title={title} />;
  }
  if (p.categorical && p.categorical.top.length > 0) {
    const { top, otherCount } = p.categorical;
    const counts = top.map((t) => t.count);
    const parts = top.map((t) => `${t.level} ${formatShare(t.count / present)}`);
    if (otherCount > 0) {
      counts.push(otherCount);
      parts.push(translate('data.profile.otherLevels', { share: formatShare(otherCount / present) }));
    }
    return <MiniHistogram counts={counts} title={`${p.name}: ${parts.join(translate('data.profile.listSeparator'))}`} mutedIndex={otherCount > 0 ? top.length : -1} />;
  }
  return <span className="hint">–</span>;
}
