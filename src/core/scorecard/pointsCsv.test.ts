import { describe, expect, it } from 'vitest';
import { csvTextCell, pointsTableCsv } from './pointsCsv';
import type { PointsTable } from './scorecardPoints';
import { DEFAULT_POINTS_SCALE } from '../scoring/points';

describe('csvTextCell', () => {
  it('defuses cells that a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    expect(csvTextCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvTextCell('+1')).toBe("'+1");
    expect(csvTextCell('-5 or less')).toBe("'-5 or less");
    expect(csvTextCell('@cmd')).toBe("'@cmd");
    expect(csvTextCell('\tx')).toBe("'\tx");
    expect(csvTextCell('\rx')).toBe('"\'\rx"'); // CR also needs quotes
    expect(csvTextCell('< 25')).toBe('< 25');
  });

  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(csvTextCell('rent, other')).toBe('"rent, other"');
    expect(csvTextCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvTextCell('a\nb')).toBe('"a\nb"');
    expect(csvTextCell('=1,"2"')).toBe('"\'=1,""2"""');
  });
});

describe('pointsTableCsv', () => {
  it('writes a header and one CRLF line per bin; negative numbers stay numbers', () => {
    const table: PointsTable = {
      scale: DEFAULT_POINTS_SCALE,
      maxRoundingLogOdds: 0.03,
      rows: [
        { characteristic: 'age', binIndex: 0, label: '< 25', woe: -0.61234567, points: 247 },
        { characteristic: 'home', binIndex: 1, label: 'rent, other', woe: 0.4, points: -3 },
        { characteristic: '=cmd', binIndex: -1, label: 'Missing', woe: -1e-9, points: 0 },
      ],
    };
    expect(pointsTableCsv(table)).toBe('characteristic,bin,woe,points\r\n' + 'age,< 25,-0.612346,247\r\n' + 'home,"rent, other",0.4,-3\r\n' + "'=cmd,Missing,0,0\r\n");
  });
});
