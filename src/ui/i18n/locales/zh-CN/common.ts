import type { common as en, outcome as enOutcome } from '../en/common';
import type { TranslationOf } from '../../types';

/** 各步骤共用的词语。 */
export const common: TranslationOf<typeof en> = {
  language: { label: '语言' },
  alert: { dismiss: '关闭提示' },
  units: {
    seconds: '{{value}} 秒',
    milliseconds: '{{value}} 毫秒',
  },
  dash: '–',
  chartTable: { show: '显示数值' },
};

/** 两种结果，括号内为目标列的取值。 */
export const outcome: TranslationOf<typeof enOutcome> = {
  outcome: {
    badName: '坏客户（{{value}}）',
    goodName: '好客户（{{value}}）',
  },
};
