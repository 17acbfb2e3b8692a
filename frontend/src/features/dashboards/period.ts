/** A period of months as the API takes it: `from` and `to` as YYYY-MM, both included. */
export interface Period {
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The twelve months up to and including the current one, as the API's default. */
export function defaultPeriod(today: Date = new Date()): Period {
  const start = new Date(today.getFullYear(), today.getMonth() - 11, 1);
  return { from: monthOf(start), to: monthOf(today) };
}

/** The period the address bar holds, each month that is not YYYY-MM replaced by the default's. */
export function periodFromParams(params: URLSearchParams, today: Date = new Date()): Period {
  const fallback = defaultPeriod(today);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return { from: MONTH.test(from) ? from : fallback.from, to: MONTH.test(to) ? to : fallback.to };
}

/** True when the months are in order (the API answers 400 otherwise). */
export function isOrdered(period: Period): boolean {
  return period.from <= period.to;
}

/** Saves text as a file the browser downloads. */
export function saveFile(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
