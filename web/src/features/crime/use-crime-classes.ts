import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CRIME_QUERY_KEY, listCrimeTypes } from './api';

export interface CrimeClass {
  code: number;
  name: string;
}

/**
 * The police's top-level classes of offences (level 1 of their code list), named in the reader's
 * language. The code list itself names them in Czech only; our catalogues translate the twelve known
 * classes and fall back to the police's name for any new one.
 */
export function useCrimeClasses(isEnabled = true) {
  const { t } = useTranslation();
  const types = useQuery({ queryKey: [...CRIME_QUERY_KEY, 'types'], queryFn: listCrimeTypes, staleTime: Infinity, enabled: isEnabled });
  const classes: CrimeClass[] = (types.data ?? [])
    .filter((type) => type.level === 1)
    .map((type) => ({ code: type.code, name: t(`crime.classes.${type.code}`, { defaultValue: type.name }) }));
  const nameOf = (code: number) => classes.find((candidate) => candidate.code === code)?.name ?? t(`crime.classes.${code}`, { defaultValue: String(code) });
  return { classes, nameOf, query: types };
}
