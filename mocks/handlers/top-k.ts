/**
 * The first `k` items in order without sorting everything: a queue's first pages need 50 of
 * 10,000 rows. Deep pages (k large against n) fall back to one full sort.
 */
export function firstK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  // `$top=0` asks for none (a client after `@odata.count` alone).
  if (k <= 0) return [];
  if (k >= items.length / 4 || k > 500) return items.sort(compare);
  const best: T[] = [];
  for (const item of items) {
    if (best.length < k) insertSorted(best, item, compare);
    else if (compare(item, best[best.length - 1] as T) < 0) {
      best.pop();
      insertSorted(best, item, compare);
    }
  }
  return best;
}

function insertSorted<T>(arr: T[], item: T, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(arr[mid] as T, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  arr.splice(lo, 0, item);
}
