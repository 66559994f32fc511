import { describe, expect, it } from 'vitest';
import { summaryText } from './summaryText';

describe('summaryText', () => {
  it('says "all to this app’s own files" only when none went elsewhere', () => {
    expect(summaryText({ total: 23, app: 23, local: 0, external: 0, beacons: 0 }, true)).toBe(
      '23 requests since this page loaded, all to this app’s own files; none was a beacon.',
    );
    const leaked = summaryText({ total: 23, app: 21, local: 0, external: 2, beacons: 1 }, true);
    expect(leaked).toBe('23 requests since this page loaded: 2 went outside this app (listed first); 1 was a beacon.');
    expect(leaked).not.toContain('all to');
  });

  it('counts local URLs apart and says when the workers have not answered yet', () => {
    expect(summaryText({ total: 1, app: 0, local: 1, external: 0, beacons: 0 }, false)).toBe(
      '1 request by the page since it loaded (its workers’ are still being asked for), all to this app’s own files (1 to data: or blob: URLs inside the browser); none was a beacon.',
    );
  });
});
