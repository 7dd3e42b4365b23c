import { userListSchema, type FieldRecordCategory, type Role } from '@saferhood/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { requestJson } from '../../lib/api-client';
import { hasPermission, useMe } from '../auth/index';
import { useLocalities } from '../territory/index';
import { CATEGORIES_QUERY_KEY, FIELD_WORK_QUERY_KEY, listCategories, listRecords, listShifts } from './api';
import { addDays, todayIn } from './field-time';

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
 * People field work is planned for: assistants, and supervisors as mentors. The coordinator reads the
 * staff register (`GET /users`). A supervisor may not (user:list is admin and coordinator only), so
 * until the API offers mentors a list of assistants, the supervisor's list is gathered from who appears
 * in recent and planned shifts and in recent records — see docs/field-work.md.
 */
export function useFieldStaff() {
  const me = useMe();
  const canListUsers = hasPermission(me, 'user:list');
  const today = todayIn(me.tenant.timeZone);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => (await requestJson('GET', '/users', userListSchema)).items,
    enabled: canListUsers,
  });
  const shifts = useQuery({
    queryKey: [...FIELD_WORK_QUERY_KEY, 'staff-from-shifts', today],
    queryFn: () => listShifts({ from: addDays(today, -56), to: addDays(today, 56) }),
    enabled: !canListUsers,
  });
  const records = useQuery({
    queryKey: [...FIELD_WORK_QUERY_KEY, 'staff-from-records', today],
    queryFn: () => listRecords({ from: addDays(today, -90), limit: 1000 }),
    enabled: !canListUsers,
  });
  const staff = useMemo<StaffMember[]>(() => {
    const people = new Map<string, StaffMember>();
    if (canListUsers) {
      for (const user of users.data ?? []) if (!user.isDisabled) people.set(user.id, { id: user.id, name: user.displayName, role: user.role });
    } else {
      for (const shift of shifts.data ?? []) for (const person of shift.assistants) people.set(person.id, { id: person.id, name: person.name, role: 'assistant' });
      for (const record of records.data ?? []) people.set(record.assistantId, { id: record.assistantId, name: record.assistantName, role: 'assistant' });
      people.set(me.user.id, { id: me.user.id, name: me.user.displayName, role: me.user.role });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [canListUsers, users.data, shifts.data, records.data, me.user]);
  const failed = [users, shifts, records].find((query) => query.isError) ?? null;
  const isPending = canListUsers ? users.isPending : shifts.isPending || records.isPending;
  return {
    staff,
    assistants: staff.filter((person) => person.role === 'assistant'),
    isPending,
    failed,
    isComplete: canListUsers,
    nameOf: (id: string) => staff.find((person) => person.id === id)?.name,
  };
}
