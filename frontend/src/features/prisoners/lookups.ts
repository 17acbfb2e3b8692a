import { useFormat } from '../methodology/shared/format';
import { useFacilities, useSchemeInForce } from './api';

/** Names of facilities and categories in the user's language (falling back to the code), for lists and pages. */
export function useNames() {
  const { text } = useFormat();
  const facilities = useFacilities().data ?? [];
  const categories = useSchemeInForce().data?.definition?.categories ?? [];
  return {
    facilities,
    categories,
    facilityName: (id: string | undefined) => {
      const facility = facilities.find((f) => f.id === id);
      return facility ? text(facility.name, facility.code ?? '').text : (id ?? '—');
    },
    categoryName: (code: string | undefined) => {
      if (!code) return '—';
      const category = categories.find((c) => c.code === code);
      return category ? text(category.name, code).text : code;
    },
  };
}

/** Calendar days (dates without a time) and counts in the user's language. */
export function useDates() {
  const { language, number } = useFormat();
  const days = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number,
    day: (value: string | null | undefined) => (value ? days.format(new Date(`${value}T00:00:00Z`)) : '—'),
  };
}
