// A second worker that trains ensemble members beside the data worker, so that a cross-fitted
// ensemble uses both cores of a two-core machine. It holds no data set: each job brings its rows.
import { expose } from 'comlink';
import { createMemberApi } from './memberJob';

expose(createMemberApi());
