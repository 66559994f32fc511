import { describe, expect, it } from 'vitest';
import { PREVIEW_PAGE_ROWS, previewPageStarts } from './DataPreview';

describe('previewPageStarts', () => {
  it('pages of a million rows, so every row of a longer file can be scrolled to', () => {
    expect(PREVIEW_PAGE_ROWS).toBe(1_000_000);
    expect(previewPageStarts(0)).toEqual([0]);
    expect(previewPageStarts(999_999)).toEqual([0]);
    expect(previewPageStarts(1_000_000)).toEqual([0]);
    expect(previewPageStarts(1_000_001)).toEqual([0, 1_000_000]);
    expect(previewPageStarts(2_500_000)).toEqual([0, 1_000_000, 2_000_000]);
    expect(previewPageStarts(25, 10)).toEqual([0, 10, 20]);
  });
});
