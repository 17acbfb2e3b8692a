import { Alert, Button, FileInput, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useApi } from '../../../api/ApiContext';
import { ApiError, problemMessageKey } from '../../../api/problem';
import { toInstrumentVersion } from '../routes';
import { importVersion, instrumentsKey, type ExportedVersion } from './api';

/** Reads an exported instrument (JSON file), without judging it: the server checks it and says what is wrong. */
export async function readExportFile(file: File): Promise<ExportedVersion> {
  const parsed: unknown = JSON.parse(await file.text());
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object');
  return parsed as ExportedVersion;
}

/** Imports an instrument another country exported: it becomes a new draft here. */
export function ImportInstrument() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const upload = useMutation({
    mutationFn: async (chosen: File) => importVersion(api, await readExportFile(chosen)),
    onSuccess: async (draft) => {
      await queryClient.invalidateQueries({ queryKey: instrumentsKey });
      close();
      void navigate(toInstrumentVersion(draft.id ?? ''));
    },
    onError: (error) => setUnreadable(error instanceof SyntaxError),
  });
  const problem = upload.error instanceof ApiError ? upload.error.problem : null;
  return (
    <>
      <Button variant="default" onClick={open} data-testid="import-instrument">
        {t('methodology.import.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('methodology.import.title')} size="lg">
        <Stack gap="sm">
          <Text size="sm">{t('methodology.import.intro')}</Text>
          <FileInput
            label={t('methodology.import.file')}
            accept="application/json,.json"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              upload.reset();
              setUnreadable(false);
            }}
            clearable
          />
          {unreadable && (
            <Alert color="red" variant="light">
              {t('methodology.import.unreadable')}
            </Alert>
          )}
          {problem && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={problem.status === 409 ? t('methodology.instrument.draftExists') : t(problemMessageKey(problem))}
            >
              {problem.detail && <Text size="sm">{problem.detail}</Text>}
              <List size="sm">
                {problem.errors.map((error, n) => (
                  <List.Item key={n}>
                    {error.field}: {error.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
            w="fit-content"
          >
            {t('methodology.import.submit')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
