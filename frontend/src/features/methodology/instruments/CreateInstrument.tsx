import { Alert, Button, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { indexProblems } from '../shared/fieldProblems';
import { ProblemsContext, useFieldError } from '../shared/ProblemsContext';
import { TextsInput } from '../shared/TextsInput';
import { toInstrument } from '../routes';
import { INSTRUMENT_KINDS, createInstrument, instrumentsKey, type CreateInstrument as Body } from './api';

const EMPTY: Body = { code: '', kind: 'ACTUARIAL', name: {} };

/** Creates an instrument (code, kind, names); its first draft is started on its page. */
export function CreateInstrument() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [body, setBody] = useState<Body>(EMPTY);
  const create = useMutation({
    mutationFn: () => createInstrument(api, body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: instrumentsKey });
      close();
      setBody(EMPTY);
      void navigate(toInstrument(created.id ?? ''));
    },
  });
  const problem = create.error instanceof ApiError ? create.error.problem : null;
  const problems = useMemo(() => indexProblems(problem?.errors), [problem]);
  return (
    <>
      <Button onClick={open} data-testid="create-instrument">
        {t('methodology.instrument.create')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('methodology.instrument.create')} size="lg">
        <ProblemsContext value={problems}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate();
            }}
          >
            <Stack gap="sm">
              {problem && (
                <Alert color="red" variant="light" role="alert">
                  {problem.status === 409 ? t('methodology.instrument.codeTaken') : t(problemMessageKey(problem))}
                </Alert>
              )}
              <CodeInput value={body.code} onChange={(code) => setBody({ ...body, code })} />
              <Select
                label={t('methodology.instrument.kind')}
                data={INSTRUMENT_KINDS.map((kind) => ({ value: kind, label: t(`methodology.kind.${kind}`) }))}
                value={body.kind}
                onChange={(kind) => kind && setBody({ ...body, kind: kind as Body['kind'] })}
                allowDeselect={false}
              />
              <TextsInput
                path="name"
                label={t('methodology.name')}
                value={body.name}
                onChange={(name) => setBody({ ...body, name })}
              />
              <TextsInput
                path="description"
                label={t('methodology.instrument.description')}
                value={body.description}
                onChange={(description) => setBody({ ...body, description })}
                multiline
                optional
              />
              <Button type="submit" loading={create.isPending} w="fit-content">
                {t('methodology.instrument.create')}
              </Button>
            </Stack>
          </form>
        </ProblemsContext>
      </Modal>
    </>
  );
}

function CodeInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('methodology.code')}
      description={t('methodology.instrument.codeHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      dir="ltr"
      error={useFieldError('code')}
    />
  );
}
