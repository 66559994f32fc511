import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { summaryText } from './summaryText';

afterEach(() => i18n.changeLanguage('en'));

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
    expect(summaryText({ total: 1234, app: 1234, local: 0, external: 0, beacons: 2 }, true)).toBe(
      '1,234 requests since this page loaded, all to this app’s own files; 2 were beacons.',
    );
  });

  it('speaks Chinese, with no English word in it, when that is the language', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(summaryText({ total: 23, app: 21, local: 1, external: 0, beacons: 0 }, true)).toBe(
      '自本页载入以来共 23 个请求，全部指向本应用自己的文件（其中 1 个指向浏览器内部、不经网络的地址）；没有信标请求。',
    );
    const leaked = summaryText({ total: 23, app: 21, local: 0, external: 2, beacons: 1 }, false);
    expect(leaked).toBe('本页自载入以来（其后台线程的请求仍在查询中）共 23 个请求：其中 2 个发往本应用之外（列在最前）；其中 1 个是信标请求。');
    expect(leaked).not.toMatch(/[A-Za-z]{3,}/);
  });
});
