import { describe, expect, it } from 'vitest';
import { storageProblem } from './storageProblem';

describe('storageProblem', () => {
  it('reads a full quota from the request or from the aborted transaction', () => {
    expect(storageProblem(new DOMException('full', 'QuotaExceededError'))).toEqual({ code: 'quota-exceeded' });
    expect(storageProblem(new DOMException('aborted', 'AbortError'), new DOMException('full', 'QuotaExceededError'))).toEqual({ code: 'quota-exceeded' });
  });

  it('reads a closed or refused store as blocked, and leaves bugs alone', () => {
    expect(storageProblem(new DOMException('closing', 'InvalidStateError'))).toEqual({ code: 'blocked' });
    expect(storageProblem(new DOMException('aborted', 'AbortError'), null)).toEqual({ code: 'blocked' });
    expect(storageProblem(new DOMException('no clone', 'DataCloneError'))).toBeNull();
    expect(storageProblem(new TypeError('x is undefined'))).toBeNull();
    expect(storageProblem('nonsense')).toBeNull();
  });
});
