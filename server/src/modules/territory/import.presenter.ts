import type { TFunction } from 'i18next';
import type { ImportIssue } from './import-localities';

/** Import issues with their reason in the caller's language. */
export function presentIssues(issues: ImportIssue[], t: TFunction): { index: number; code: string; reason: string }[] {
  return issues.map(({ index, code, params }) => ({ index, code, reason: t(`validation.${code}`, params ?? {}) }));
}
