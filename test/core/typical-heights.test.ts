import { describe, expect, it } from 'vitest';
import { TypicalHeights } from '../../popup/typical-heights';

describe('TypicalHeights', () => {
  it('estimates a class by the height its rows measured most often, and an unmeasured class by its group', () => {
    const heights = new TypicalHeights();
    expect(heights.estimate(5, 1)).toBeUndefined();
    heights.record(5, 1, 58, 700);
    heights.record(5, 1, 80, 700);
    // A tie keeps the first height; one more measure settles it.
    expect(heights.estimate(5, 1)).toBe(58);
    heights.record(5, 1, 80, 700);
    expect(heights.estimate(5, 1)).toBe(80);
    heights.record(6, 1, 58, 700);
    heights.record(6, 1, 58, 700);
    expect(heights.estimate(6, 1)).toBe(58);
    // Class 7 was never measured: its group's most frequent height (80 twice, 58 three times).
    expect(heights.estimate(7, 1)).toBe(58);
    expect(heights.estimate(7, 2)).toBeUndefined();
  });

  it('forgets what it measured at another width', () => {
    const heights = new TypicalHeights();
    heights.record(5, 1, 58, 700);
    heights.record(5, 1, 58, 700);
    heights.record(5, 1, 102, 300);
    expect(heights.estimate(5, 1)).toBe(102);
    expect(heights.estimate(6, 1)).toBe(102);
  });
});
