// The Simplified Chinese resource, area by area like the English one it must match.

import type { TranslationOf } from '../types';
import type { en } from './en';
import { common, outcome } from './zh-CN/common';
import { clean } from './zh-CN/clean';
import { compare } from './zh-CN/compare';
import { data } from './zh-CN/data';
import { models } from './zh-CN/models';
import { problems } from './zh-CN/problems';
import { score } from './zh-CN/score';
import { shell } from './zh-CN/shell';
import { evaluate } from './zh-CN/evaluate';
import { train } from './zh-CN/train';
import { characteristics } from './zh-CN/characteristics';
import { privacy } from './zh-CN/privacy';

/** Every Simplified Chinese message, by area. */
export const zhCN: TranslationOf<typeof en> = {
  ...common,
  ...outcome,
  ...data,
  ...clean,
  ...shell,
  ...models,
  ...score,
  ...compare,
  ...problems,
  ...evaluate,
  ...train,
  ...characteristics,
  ...privacy,
};
