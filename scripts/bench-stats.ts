/**
 * The median and p95 every bench prints. The p95 is the nearest-rank one: the smallest sample
 * at or above 95% of the samples (of 20 samples the 19th, so one outlier of 20 is not the p95;
 * of 60 the 57th). The median of an even count is the mean of the middle two.
 */
export function stats(samples: readonly number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return { median: NaN, p95: NaN };
  const mid = s.length / 2;
  const median = Number.isInteger(mid) ? (s[mid - 1]! + s[mid]!) / 2 : s[Math.floor(mid)]!;
  const p95 = s[Math.ceil(0.95 * s.length) - 1]!;
  return { median, p95 };
}
