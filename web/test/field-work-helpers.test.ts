import { describe, expect, it } from 'vitest';
import { addDays, expandSeriesDates, isoWeekday, listMonths, periodOfMonths, shiftMonth, todayIn, weekDays, weekStart } from '../src/features/field-work/field-time';
import { bucketOf, bucketsFor } from '../src/features/field-work/overview/locality-buckets';

describe('calendar days of shift planning', () => {
  it('starts a week on Monday, whatever day it is given', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(weekDays('2026-11-16')).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('crosses months, years and the change of summer time without losing a day', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(isoWeekday('2026-10-25')).toBe(7);
  });

  it('previews a series as the server expands it: weekdays between two dates, less the skipped ones', () => {
    const dates = expandSeriesDates('2026-11-16', '2026-11-29', [1, 2, 3, 4, 5], ['2026-11-17']);
    expect(dates).toHaveLength(9);
    expect(dates).not.toContain('2026-11-17');
    expect(dates.every((date) => isoWeekday(date) <= 5)).toBe(true);
    expect(expandSeriesDates('2026-11-20', '2026-11-10', [1], [])).toEqual([]);
  });

  it('takes today in the city’s time zone, not the office computer’s', () => {
    const lateEvening = new Date('2026-11-21T23:30:00Z');
    expect(todayIn('Europe/Prague', lateEvening)).toBe('2026-11-22');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-21');
  });

  it('lists months and their first and last days', () => {
    expect(listMonths('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(periodOfMonths('2026-01', '2026-02')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
  });
});

describe('classes of record counts on the overview map', () => {
  it('keeps none apart and splits the rest into at most four steps up to the highest count', () => {
    const buckets = bucketsFor(38);
    expect(buckets.map((bucket) => [bucket.min, bucket.max])).toEqual([[0, 0], [1, 10], [11, 20], [21, 30], [31, 38]]);
    expect(bucketOf(buckets, 0).code).toBe('count-0');
    expect(bucketOf(buckets, 20).code).toBe('count-2');
    expect(bucketOf(buckets, 38).code).toBe('count-4');
  });

  it('has no empty classes when counts are small', () => {
    expect(bucketsFor(2).map((bucket) => [bucket.min, bucket.max])).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(bucketsFor(0)).toHaveLength(1);
  });
});
