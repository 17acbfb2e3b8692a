import { useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { SignedInContext } from '../../auth/SignedInContext';

/** ISO calendar day (YYYY-MM-DD) of an instant in a time zone: what "today" is in the country, not in UTC. */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ReviewState =
  { kind: 'NONE' } | { kind: 'SCHEDULED'; days: number } | { kind: 'DUE' } | { kind: 'OVERDUE'; days: number };

/** Where a prisoner's review stands on a day, as the server's due list judges it (on or before the day is due). */
export function reviewState(nextReviewOn: string | null | undefined, today: string): ReviewState {
  if (!nextReviewOn) return { kind: 'NONE' };
  const days = daysBetween(nextReviewOn, today);
  if (days > 0) return { kind: 'OVERDUE', days };
  if (days === 0) return { kind: 'DUE' };
  return { kind: 'SCHEDULED', days: -days };
}

/**
 * Dates of the cycle in the user's language: calendar days as they are (a day has no time zone), instants in the
 * country's time zone (the tenant's, so every user of a country sees the same day), and the country's today.
 */
export function useCycleCalendar() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  // Outside the signed-in app (unit tests) there is no country: UTC then.
  const timeZone = useContext(SignedInContext)?.me.tenant?.timeZone ?? 'UTC';
  return useMemo(() => {
    const days = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const instants = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const numbers = new Intl.NumberFormat(language);
    return {
      timeZone,
      today: () => dayIn(timeZone),
      day: (value: string | null | undefined) => (value ? days.format(new Date(`${value}T00:00:00Z`)) : '—'),
      instant: (value: string | null | undefined) => (value ? instants.format(new Date(value)) : '—'),
      number: (value: number | null | undefined) =>
        value === null || value === undefined ? '—' : numbers.format(value),
    };
  }, [language, timeZone]);
}
