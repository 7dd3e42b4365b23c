import { fieldStaffListSchema, userListSchema, type FieldRecordCategory, type Role } from '@saferhood/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { requestJson } from '../../lib/api-client';
import { hasPermission, useMe } from '../auth/index';
import { useLocalities } from '../territory/index';
import { CATEGORIES_QUERY_KEY, FIELD_WORK_QUERY_KEY, listCategories } from './api';

/** The city's categories, with a lookup by code (unknown codes fall back to the code itself). */
export function useCategories() {
  const query = useQuery({ queryKey: CATEGORIES_QUERY_KEY, queryFn: listCategories, staleTime: 5 * 60_000 });
  const byCode = useMemo(() => new Map((query.data ?? []).map((category) => [category.code, category])), [query.data]);
  const categoryOf = useCallback((code: string): Pick<FieldRecordCategory, 'code' | 'label' | 'icon'> => byCode.get(code) ?? { code, label: code, icon: 'other' }, [byCode]);
  return { query, categories: query.data ?? [], categoryOf };
}

/** Locality names by id, archived ones included (old records keep their locality). */
export function useLocalityNames() {
  const query = useLocalities('all');
  const names = useMemo(() => new Map((query.data?.items ?? []).map((locality) => [locality.id, locality.name])), [query.data]);
  return { query, nameOf: (id: string | null) => (id ? names.get(id) : undefined) };
}

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
}

/**
 * People field work is planned with: assistants, mentors and possible signal recipients. Mentors and the
 * coordinator read them from `GET /field-staff`; an admin (who sets the signal recipients but plans no
 * shifts) from the staff register, `GET /users`.
 */
export function useFieldStaff() {
  const me = useMe();
  const canListFieldStaff = hasPermission(me, 'field_team:list');
  const fieldStaff = useQuery({
    queryKey: [...FIELD_WORK_QUERY_KEY, 'staff'],
    queryFn: async () => (await requestJson('GET', '/field-staff', fieldStaffListSchema)).items,
    enabled: canListFieldStaff,
  });
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => (await requestJson('GET', '/users', userListSchema)).items,
    enabled: !canListFieldStaff && hasPermission(me, 'user:list'),
  });
  const staff = useMemo<StaffMember[]>(() => {
    const people: StaffMember[] = canListFieldStaff
      ? (fieldStaff.data ?? []).map((person) => ({ id: person.id, name: person.name, role: person.role }))
      : (users.data ?? []).filter((user) => !user.isDisabled).map((user) => ({ id: user.id, name: user.displayName, role: user.role }));
    return people.sort((a, b) => a.name.localeCompare(b.name));
  }, [canListFieldStaff, fieldStaff.data, users.data]);
  const query = canListFieldStaff ? fieldStaff : users;
  return {
    staff,
    assistants: staff.filter((person) => person.role === 'assistant'),
    isPending: query.isPending && query.fetchStatus !== 'idle',
    failed: query.isError ? query : null,
    nameOf: (id: string) => staff.find((person) => person.id === id)?.name,
  };
}
