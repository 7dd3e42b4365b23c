import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notify';
import { createShift, createShiftSeries, FIELD_WORK_QUERY_KEY, updateShift, type ShiftSeriesCreate, type ShiftUpdate } from '../api';
import type { ShiftCreate } from '@saferhood/contracts';

/** Plans a shift, a series, or changes one; the week views reload. Refusals stay in the form (overlaps). */
export function useShiftMutations(onDone: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: FIELD_WORK_QUERY_KEY });
  const create = useMutation({
    mutationFn: (shift: ShiftCreate) => createShift(shift),
    onSuccess: () => {
      notify({ tone: 'success', message: t('fieldWork.shifts.createdNotice') });
      void refresh();
      onDone();
    },
  });
  const createSeries = useMutation({
    mutationFn: (series: ShiftSeriesCreate) => createShiftSeries(series),
    onSuccess: (result) => {
      notify({ tone: 'success', message: t('fieldWork.series.createdNotice', { count: result.created }) });
      void refresh();
      onDone();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: ShiftUpdate }) => updateShift(id, change),
    onSuccess: (shift) => {
      notify({ tone: 'success', message: t(shift.cancelled ? 'fieldWork.shifts.cancelledNotice' : 'fieldWork.shifts.savedNotice') });
      void refresh();
      onDone();
    },
    onError: () => void refresh(),
  });
  return { create, createSeries, update };
}
