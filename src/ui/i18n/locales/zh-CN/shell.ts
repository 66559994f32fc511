import type { TranslationOf } from '../../types';
import type { shell as en } from '../en/shell';

/** 步骤导航与尚未可用的步骤。 */
export const shell: TranslationOf<typeof en> = {
  step: {
    data: '数据',
    clean: '清洗',
    train: '训练',
    evaluate: '评估',
    decide: '决策',
    score: '评分',
    models: '模型',
  },
  need: {
    dataset: '请先载入数据文件。',
    twoValuedTarget: '请先选择一个恰好有两个取值的目标列。',
    model: '请先训练一个模型，或载入、导入一个模型。',
    testResults: '该模型用全部行训练：没有可显示的测试结果。',
  },
};
