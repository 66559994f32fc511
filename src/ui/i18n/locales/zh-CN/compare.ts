import type { TranslationOf } from '../../types';
import type { compare as en } from '../en/compare';

/** 模型对比，以及评分卡的分数表。 */
export const compare: TranslationOf<typeof en> = {
  compare: {
    title: '对比模型',
    hint: '逻辑回归、使用标准化数值的 MLP、使用分段线性编码（PLE）数值的 MLP，以及评分卡，均按上面的设置在相同的训练行上训练，并在相同的测试行上评估。',
    button: '对比模型',
    training: '正在训练 {{name}}（第 {{position}} 个，共 {{total}} 个）…',
    inUse: '使用中：{{name}}。',
    done: '完成。请选择要使用的模型。',
    failed: '无法对比这些模型。',
    caption: '基于测试行；所有概率均为校准后的坏客户概率',
    model: '模型',
    auc: 'AUC',
    ks: 'KS',
    logLoss: '对数损失',
    brier: 'Brier 分数',
    ece: 'ECE',
    trainingTime: '训练用时',
    rowTraining: '训练中…',
    rowWaiting: '等待中',
    rowNotTrained: '未训练',
    rowInUse: '使用中',
    use: '使用此模型',
  },
  scorecard: {
    title: '评分卡分数',
    scale: '按当前的分数刻度（{{formula}}）：申请人的分数是其所属各分箱的分数之和，每个特征一个分箱；每个分箱的分数取整，因此总分也是整数，坏客户概率按上面的公式由总分得出。',
    edited: ' 你编辑过的分箱：{{columns}}。',
    trainedScale: ' 上面的测试指标是按训练时的分数刻度（{{formula}}）以整数分计算的。',
    download: '下载分数表（CSV）',
    downloaded: '{{file}}：每个分箱一行。',
    characteristic: '特征',
    bin: '分箱',
    woe: 'WoE',
    points: '分数',
    leftOut: '未入选的特征',
    noneLeftOut: '无：每个特征的信息值（IV）都达到 {{minIv}}，且没有特征与更强的特征同向变动。',
    note: {
      lowIv: '{{column}}：未入选；其信息值 {{iv}} 低于 {{minIv}}（不具预测力）。',
      correlated: '{{column}}：未入选；其 WoE 与 {{other}} 的 WoE 同向变动（相关系数 {{correlation}}，高于 {{maxCorrelation}}），而后者的信息值更高（{{otherIv}} 对 {{iv}}）。',
      keptBest: '{{column}}：虽然其信息值 {{iv}} 低于 {{minIv}} 仍予保留：没有特征达到该值，而评分卡至少需要一个特征。',
    },
  },
};
