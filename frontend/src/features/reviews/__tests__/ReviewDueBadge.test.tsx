import { screen } from '@testing-library/react';

import { fakeApi, renderWithApp, signedInAs } from '../../../test/renderWithApp';
import { dayIn, daysBetween } from '../calendar';
import { ReviewDueBadge } from '../ReviewDueBadge';

const ZONE = 'Asia/Bishkek';
const shift = (days: number) => {
  const today = dayIn(ZONE);
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

function renderBadge(next: string | undefined) {
  return renderWithApp(<ReviewDueBadge nextReviewOn={next} />, {
    api: fakeApi({}),
    signedIn: signedInAs('s', ZONE),
  });
}

describe('ReviewDueBadge', () => {
  it('says overdue, with the days, when the review day has passed in the country', () => {
    renderBadge(shift(-4));
    expect(daysBetween(shift(-4), dayIn(ZONE))).toBe(4);
    expect(screen.getByTestId('review-state')).toHaveAttribute('data-state', 'OVERDUE');
    expect(screen.getByTestId('review-state')).toHaveTextContent('reviews.state.overdue');
  });

  it('says due on the day itself', () => {
    renderBadge(shift(0));
    expect(screen.getByTestId('review-state')).toHaveAttribute('data-state', 'DUE');
  });

  it('says when a review is still ahead', () => {
    renderBadge(shift(30));
    expect(screen.getByTestId('review-state')).toHaveAttribute('data-state', 'SCHEDULED');
  });

  it('shows nothing for a prisoner never classified', () => {
    renderBadge(undefined);
    expect(screen.queryByTestId('review-state')).toBeNull();
  });
});
