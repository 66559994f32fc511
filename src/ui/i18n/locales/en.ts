// The English resource: one module per area, merged at the top level (`data.*`, `clean.*`, …).
// Its type is the contract every other language must meet (see ../types.ts).

import { common, outcome } from './en/common';
import { clean } from './en/clean';
import { compare } from './en/compare';
import { data } from './en/data';
import { models } from './en/models';
import { problems } from './en/problems';
import { score } from './en/score';
import { shell } from './en/shell';
import { evaluate } from './en/evaluate';
import { train } from './en/train';
import { characteristics } from './en/characteristics';
import { privacy } from './en/privacy';

/** Every English message, by area. */
export const en = {
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
} as const;
