// A second worker that trains ensemble members beside the data worker, so that a cross-fitted
// ensemble uses both cores of a two-core machine. It holds no data set: each job brings its rows.
import { expose } from 'comlink';
import { createMemberApi } from './memberJob';
import { raiseResourceBuffer, resourceRequestsHere, type ResourceLogApi } from './resourceLog';

raiseResourceBuffer();
// Its requests (tfjs chunks, wasm) are in its own timeline: the Privacy panel asks for them.
const resourceLog: ResourceLogApi = { resourceRequests: () => resourceRequestsHere('member-worker') };
expose({ ...createMemberApi(), ...resourceLog });
