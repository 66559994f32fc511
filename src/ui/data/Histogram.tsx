import { memo } from 'react';

interface Props {
  /** Bar heights, left to right (bin counts or level counts). */
  readonly counts: readonly number[];
  /** Accessible description, shown as the SVG's <title> (a tooltip too). */
  readonly title: string;
  /** Index of a bar drawn in the muted "other" colour, e.g. the rest of the levels; -1 for none. */
  readonly mutedIndex?: number;
  readonly width?: number;
  readonly height?: number;
}

const GAP = 1;

/** A tiny hand-drawn bar chart (about 90 × 24 px): cheap enough to show one per column. */
export const MiniHistogram = memo(function MiniHistogram({ counts, title, mutedIndex = -1, width = 90, height = 24 }: Props) {
  const peak = Math.max(0, ...counts);
  const barWidth = counts.length > 0 ? (width - GAP * (counts.length - 1)) / counts.length : width;
  const usable = height - 1; // keep a 1 px baseline visible under empty bins
  return (
    <svg className="mini-hist" role="img" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{title}</title>
      <line className="mini-hist-base" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
      {counts.map((count, i) => {
        if (count <= 0 || peak <= 0) return null;
        // At least 1 px, so a bin with a handful of rows is still visible next to a huge one.
        const h = Math.max(1, (count / peak) * usable);
        return <rect key={i} className={i === mutedIndex ? 'mini-hist-other' : undefined} x={i * (barWidth + GAP)} y={height - 1 - h} width={barWidth} height={h} />;
      })}
    </svg>
  );
});
