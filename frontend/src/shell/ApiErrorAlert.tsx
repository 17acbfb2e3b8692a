import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ApiError, problemMessageKey } from '../api/problem';

/**
 * A screen's data could not be read: the API's refusal in the user's language, as one red alert. Shows nothing
 * for no error or one that is not the API's (the screen's loader or content stands for those). A form's refusal,
 * with the server's detail and field errors, is ProblemNotice's.
 */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  return (
    <Alert color="red" role="alert">
      {t(problemMessageKey(error.problem))}
    </Alert>
  );
}
