import { describe, expect, it } from 'vitest';
import { pointsTableCsv } from './pointsCsv';
import type { PointsTable } from './scorecardPoints';
import { DEFAULT_POINTS_SCALE } from '../scoring/points';

describe('pointsTableCsv', () => {
  it('writes a header and one CRLF line per bin through the CSV writer; negative numbers stay numbers, a formula-like name is defused', () => {
    const table: PointsTable = {
      scale: DEFAULT_POINTS_SCALE,
      maxRoundingLogOdds: 0.03,
      rows: [
        { characteristic: 'age', binIndex: 0, label: '< 25', woe: -0.61234567, points: 247 },
        { characteristic: 'home', binIndex: 1, label: 'rent, other', woe: 0.4, points: -3 },
        { characteristic: '=cmd', binIndex: -1, label: 'Missing', woe: -1e-9, points: 0 },
      ],
    };
    expect(pointsTableCsv(table)).toBe('characteristic,bin,woe,points\r\n' + 'age,< 25,-0.612346,247\r\n' + 'home,"rent, other",0.4,-3\r\n' + '"\'=cmd",Missing,0,0\r\n');
  });
});
