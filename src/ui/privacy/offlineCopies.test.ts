import { describe, expect, it } from 'vitest';
import { withoutRevision } from './offlineCopies';

describe('withoutRevision', () => {
  it('takes off Workbox’s revision parameter and nothing else', () => {
    expect(withoutRevision('http://localhost:4173/index.html?__WB_REVISION__=0f3a9c')).toBe('http://localhost:4173/index.html');
    expect(withoutRevision('http://localhost:4173/data.json?v=2&__WB_REVISION__=1')).toBe('http://localhost:4173/data.json?v=2');
    expect(withoutRevision('http://localhost:4175/creditlab/assets/index-BjtzU9cD.js')).toBe('http://localhost:4175/creditlab/assets/index-BjtzU9cD.js');
  });
});
