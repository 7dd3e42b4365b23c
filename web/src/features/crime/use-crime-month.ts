import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { CRIME_QUERY_KEY, summariseCrime } from './api';
import { currentMonth, listMonths, periodOfMonth, shiftMonth } from './crime-period';

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const EARLIEST = '2000-01';
/** The picker offers at least the last two years, and further back when there are older data. */
const OFFERED_MONTHS = 24;

export interface CrimeMonth {
  /** The chosen month (YYYY-MM); null until we know which month the latest data are from. */
  month: string | null;
  /** Months on offer, newest first. */
  options: string[];
  /** Months that hold any offence. */
  monthsWithData: ReadonlySet<string>;
  setMonth: (month: string) => void;
}

/**
 * The month whose registered crime is shown, kept in the address (`?month=2026-07`) so a view can be
 * shared. Without one, the month of the newest imported data: police files arrive months late, so
 * "this month" would usually be empty.
 */
export function useCrimeMonth(isEnabled = true): CrimeMonth {
  const [params, setParams] = useSearchParams();
  const now = currentMonth();
  const byMonth = useQuery({
    queryKey: [...CRIME_QUERY_KEY, 'months', now],
    queryFn: () => summariseCrime({ from: `${EARLIEST}-01`, to: periodOfMonth(now).to, groupBy: 'month' }),
    enabled: isEnabled,
  });
  const withData = (byMonth.data?.rows ?? []).flatMap((row) => (row.month && row.count > 0 ? [row.month] : []));
  const monthsWithData = new Set(withData);
  const latest = withData.at(-1) ?? now;
  const asked = params.get('month');
  const isAskedValid = asked !== null && MONTH_PATTERN.test(asked) && asked <= now;
  const isKnown = byMonth.isSuccess || byMonth.isError || !isEnabled;
  const month = isAskedValid ? asked : isKnown ? latest : null;

  const first = [withData[0], shiftMonth(now, -(OFFERED_MONTHS - 1)), month ?? now].filter((candidate): candidate is string => !!candidate).sort()[0]!;
  const options = listMonths(first, now).reverse();

  const setMonth = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('month', next);
        return updated;
      },
      { replace: true },
    );
  return { month, options, monthsWithData, setMonth };
}
