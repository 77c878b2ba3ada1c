/**
 * The median and p95 that `npm run bench` prints (scripts/bench-stats.ts): nearest-rank p95, and
 * the median of an even count as the mean of the middle two. A p95 one place too high once made
 * the slowest of 20 clicks the figure.
 */
import { describe, expect, it } from 'vitest';
import { stats } from '../../scripts/bench-stats';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('bench stats', () => {
  it('takes the nearest-rank p95: of 20 samples the 19th, of 60 the 57th, of 100 the 95th', () => {
    expect(stats(oneTo(20)).p95).toBe(19);
    expect(stats(oneTo(60)).p95).toBe(57);
    expect(stats(oneTo(100)).p95).toBe(95);
    // Fewer than 20 samples: the slowest is the p95.
    expect(stats(oneTo(5)).p95).toBe(5);
  });

  it('takes the middle sample for an odd count, and the mean of the middle two for an even one', () => {
    expect(stats([5, 1, 3]).median).toBe(3);
    expect(stats(oneTo(20)).median).toBe(10.5);
    expect(stats([7]).median).toBe(7);
  });

  it('sorts a copy of the samples as numbers, leaving them as they were', () => {
    const samples = [100, 9, 20, 3];
    expect(stats(samples)).toEqual({ median: 14.5, p95: 100 });
    expect(samples).toEqual([100, 9, 20, 3]);
  });

  it('says NaN for no samples rather than a figure', () => {
    expect(stats([])).toEqual({ median: NaN, p95: NaN });
  });
});
