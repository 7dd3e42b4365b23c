import type { LocalityKind } from '@saferhood/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listLocalities, localityListQueryKey, type LocalityStatusFilter } from './api';

/** The register of localities and the city's kinds of locality. */
export function useLocalities(status: LocalityStatusFilter = 'active', isEnabled = true) {
  return useQuery({ queryKey: localityListQueryKey(status), queryFn: () => listLocalities(status), enabled: isEnabled });
}

/** A kind's name in the reader's language (the city's code list carries every language), else its code. */
export function labelOfKind(kinds: readonly LocalityKind[], code: string, language: string): string {
  const kind = kinds.find((candidate) => candidate.code === code);
  return kind?.labels[language] ?? kind?.labels.en ?? code;
}

export function useKindLabel(kinds: readonly LocalityKind[]): (code: string) => string {
  const { i18n } = useTranslation();
  return (code) => labelOfKind(kinds, code, i18n.language);
}
