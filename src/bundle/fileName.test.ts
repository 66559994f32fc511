import { describe, expect, it } from 'vitest';
import { modelFileName } from './fileName';

describe('modelFileName', () => {
  it.each([
    ['Credit model v2', 'Credit model v2.creditlab.json'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j.creditlab.json'],
    ['bell\u0007 and\u007fdel', 'bell_ and_del.creditlab.json'],
    ['tab\there\nand  there', 'tab here and there.creditlab.json'],
    ['  ..hidden..  ', 'hidden.creditlab.json'],
    ['', 'model.creditlab.json'],
    ['...', 'model.creditlab.json'],
    ['CON', 'CON_.creditlab.json'],
    ['lpt1.backup', 'lpt1_.backup.creditlab.json'],
    ['console', 'console.creditlab.json'],
    ['scores.creditlab.json', 'scores.creditlab.json'],
    ['Scores.JSON', 'Scores.creditlab.json'],
    ['cafe\u0301 crème', 'café crème.creditlab.json'],
  ])('%j → %j', (name, expected) => {
    expect(modelFileName(name)).toBe(expected);
  });

  it('keeps at most 80 characters (counted as code points) before the suffix', () => {
    expect(modelFileName('x'.repeat(200))).toBe(`${'x'.repeat(80)}.creditlab.json`);
    expect(modelFileName('😀'.repeat(100))).toBe(`${'😀'.repeat(80)}.creditlab.json`);
  });
});
