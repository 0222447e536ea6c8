// Pearson's linear correlation (issue #17), the number W&B shows beside each
// parameter's importance. No dependency of ours offers it; it is one formula.

/** r of the pairs where both values exist; null below two pairs or when either side does not vary. */
export function pearson(xs: ReadonlyArray<number | null>, ys: ReadonlyArray<number | null>): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null) continue;
    n++;
    sx += x;
    sy += y;
  }
  if (n < 2) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null) continue;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
