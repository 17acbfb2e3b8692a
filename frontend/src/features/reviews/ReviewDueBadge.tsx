import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { reviewState, useCycleCalendar } from './calendar';

/** Whether the prisoner's review is overdue, due today or still ahead, on the country's calendar. */
export function ReviewDueBadge({ nextReviewOn }: { nextReviewOn: string | null | undefined }) {
  const { t } = useTranslation();
  const { today, number } = useCycleCalendar();
  const state = reviewState(nextReviewOn, today());
  switch (state.kind) {
    case 'NONE':
      return null;
    case 'OVERDUE':
      return (
        <Badge color="red" variant="light" data-testid="review-state" data-state="OVERDUE">
          {t('reviews.state.overdue', { days: number(state.days) })}
        </Badge>
      );
    case 'DUE':
      return (
        <Badge color="orange" variant="light" data-testid="review-state" data-state="DUE">
          {t('reviews.state.due')}
        </Badge>
      );
    case 'SCHEDULED':
      return (
        <Badge color="gray" variant="light" data-testid="review-state" data-state="SCHEDULED">
          {t('reviews.state.scheduled', { days: number(state.days) })}
        </Badge>
      );
  }
}
