import type { ProductCoverage } from '../index/noteIndex';

/** "3/4 axes answered": how lenses, hovers and the quick pick state a product's coverage. */
export function coverageLabel(coverage: ProductCoverage): string {
  const answered = coverage.axes.filter((a) => a.status === 'answered').length;
  return `${answered}/${coverage.axes.length} axes answered`;
}
