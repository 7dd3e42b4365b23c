import type { TFunction } from 'i18next';
import type { ImportIssue } from './import-localities';

const GEOS_REASON = /^([A-Za-z -]+?)\s*\[([-\d.e]+) ([-\d.e]+)\]$/;

/**
 * PostGIS explains invalid geometry in English ("Self-intersection[14.40 50.06]"); known reasons are
 * translated, with the place rounded to 5 decimals. Unknown ones pass through as PostGIS said them.
 */
function explainGeometry(detail: string, t: TFunction): string {
  const match = GEOS_REASON.exec(detail.trim());
  if (!match) return detail;
  const key = `geometry.${match[1]!.trim().toLowerCase().replace(/[\s-]+/g, '_')}`;
  const problem = t(key, { defaultValue: match[1]! });
  return t('geometry.at', { problem, at: `${Number(match[2]).toFixed(5)} ${Number(match[3]).toFixed(5)}` });
}

/** Import issues with their reason in the caller's language. */
export function presentIssues(issues: ImportIssue[], t: TFunction): { index: number; code: string; reason: string }[] {
  return issues.map(({ index, code, params }) => {
    const detail = typeof params?.detail === 'string' ? explainGeometry(params.detail, t) : undefined;
    return { index, code, reason: t(`validation.${code}`, { ...params, ...(detail ? { detail } : {}) }) };
  });
}
