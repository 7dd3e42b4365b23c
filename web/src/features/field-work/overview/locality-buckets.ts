import type { LocalityKind } from '@saferhood/contracts';

/** Light to dark, each at least 3:1 against the blank map's background where it matters (outlines). */
const BUCKET_COLORS = ['#868e96', '#f59f00', '#e8590c', '#c92a2a', '#862e9c'];

export interface Bucket {
  code: string;
  color: string;
  min: number;
  max: number;
}

/**
 * Classes of record counts for colouring localities: none, then up to four equal steps up to the
 * highest count. The map colours a locality by its "kind", so each class is given as a kind.
 */
export function bucketsFor(maxCount: number): Bucket[] {
  const buckets: Bucket[] = [{ code: 'count-0', color: BUCKET_COLORS[0]!, min: 0, max: 0 }];
  if (maxCount <= 0) return buckets;
  const steps = Math.min(4, maxCount);
  const size = Math.ceil(maxCount / steps);
  for (let step = 0; step < steps; step += 1) {
    const min = step * size + 1;
    if (min > maxCount) break;
    buckets.push({ code: `count-${step + 1}`, color: BUCKET_COLORS[step + 1]!, min, max: Math.min(maxCount, (step + 1) * size) });
  }
  return buckets;
}

export function bucketOf(buckets: readonly Bucket[], count: number): Bucket {
  return buckets.find((bucket) => count >= bucket.min && count <= bucket.max) ?? buckets[0]!;
}

/** The classes as the map's locality kinds, labelled "12–30 records" in every language the map may ask. */
export function bucketsAsKinds(buckets: readonly Bucket[], label: (bucket: Bucket) => string, language: string): LocalityKind[] {
  return buckets.map((bucket) => ({ code: bucket.code, color: bucket.color, labels: { [language]: label(bucket), en: label(bucket) } }));
}
