import { afterEach, describe, expect, it } from 'vitest';
import { pointsFormula } from '../../core/scoring/points';
import { i18n } from '../i18n';
import { pointsFormulaText } from './pointsFormulaText';

afterEach(() => i18n.changeLanguage('en'));

describe('pointsFormulaText', () => {
  it('reads in English exactly as the core writes the formula', () => {
    for (const scale of [
      { baseScore: 600, baseOdds: 50, pointsToDoubleOdds: 20 },
      { baseScore: 10000, baseOdds: 0.5, pointsToDoubleOdds: 37.125 },
      { baseScore: 0, baseOdds: 100000, pointsToDoubleOdds: 1 },
    ])
      expect(pointsFormulaText(scale)).toBe(pointsFormula(scale));
  });

  it('writes the same figures in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(pointsFormulaText({ baseScore: 600, baseOdds: 50, pointsToDoubleOdds: 20 })).toBe('分数 = 487.12 + 28.85 × ln(好坏比)；好坏比 50:1 → 600 分，好坏比每翻一倍加 20 分');
  });
});
