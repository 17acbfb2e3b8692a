import { Pagination } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The pager under a paged list of the API (0-based pages, as the API counts them), with labelled controls; nothing
 * when everything fits on one page.
 */
export function ListPages({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Pagination
      total={pages}
      value={page + 1}
      onChange={(n) => onChange(n - 1)}
      getControlProps={(control) => ({ 'aria-label': t(`cycle.register.page.${control}`) })}
      getItemProps={(n) => ({ 'aria-label': t('cycle.register.page.number', { page: number.format(n) }) })}
    />
  );
}

/**
 * Keeps a paged list on a page that exists: deciding the last item of the last page empties it, so once the list's
 * fresh answer (not the previous page kept on screen) has fewer pages, the page moves to the new last one.
 */
export function useStayOnAnExistingPage(
  list: { data?: { total?: number }; isPlaceholderData: boolean },
  pageSize: number,
  page: number,
  setPage: (page: number) => void,
) {
  const settled = list.data !== undefined && !list.isPlaceholderData;
  const lastPage = Math.max(0, Math.ceil((list.data?.total ?? 0) / pageSize) - 1);
  useEffect(() => {
    if (settled && page > lastPage) setPage(lastPage);
  }, [settled, page, lastPage, setPage]);
}
