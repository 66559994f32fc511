import type { TranslationOf } from '../../types';
import type { shell as en } from '../en/shell';

/** 页面框架：页眉与页脚、步骤导航与尚未可用的步骤、跳转链接、更新提示、出错页面。 */
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
  nav: { label: '步骤' },
  skipLink: '跳到主要内容',
  update: {
    ready: '新版本已就绪 — ',
    reload: '重新载入',
    later: '稍后',
  },
  crash: {
    message: '此页面出了问题。您的数据从未离开本设备。',
    reload: '重新载入 CreditLab',
  },
  app: {
    title: 'CreditLab：在您的设备上完成信用评分',
    tagline: '在您的设备上完成信用评分：数据在此浏览器标签页中读取、清洗和建模，绝不会离开这里。',
    footer: 'CreditLab 不会用您的数据发出任何网络请求。页面载入后，读取、训练和评分都无需联网。',
    heading: {
      data: '2. 您的数据',
      clean: '3. 清洗',
      decide: '6. 截断值与评分卡',
    },
    loadingPoints: '正在载入分值表…',
    workerStopped: {
      reread: '后台线程已停止。正在重新读取您的文件，您所做的选择都会保留；已保存的模型不受影响。读取完成后请重新训练。',
      reload: '后台线程已停止。已保存的模型不受影响；请重新载入数据。',
    },
    target: {
      none: '没有恰好有两个取值的列；请选择要预测的列。',
      distinct_other: '“{{target}}”有 {{distinct}} 个不同取值；目标列需要恰好两个取值（例如“违约 / 未违约”）。',
    },
    compared: {
      boosted: '提升树',
      logistic: '逻辑回归',
      mlp: 'MLP（标准化数值）',
      mlpPle: 'MLP（数值 PLE 编码）',
      scorecard: '评分卡',
    },
    trainFirst: '请先训练一个模型。',
  },
  cutoffNotice: {
    trained: '新模型：截断值已恢复为 {{cutoff}}。',
    loaded: '已载入模型：截断值为其保存时的值 {{cutoff}}。',
  },
};
