import { Alert, Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError, problemMessageKey } from '../../../api/problem';
import { useFormat } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { toInstrument } from '../routes';
import { useInstruments } from './api';
import { CreateInstrument } from './CreateInstrument';
import { ImportInstrument } from './ImportInstrument';

/** Every instrument of the country with its versions; create one, or import one another country shared. */
export default function InstrumentsPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const instruments = useInstruments();
  return (
    <Stack gap="md">
      <Title order={1}>{t('methodology.screen.instruments.title')}</Title>
      <Text c="dimmed">{t('methodology.screen.instruments.description')}</Text>
      <Group gap="sm" align="flex-start">
        <CreateInstrument />
        <ImportInstrument />
      </Group>
      {instruments.isError ? (
        <Alert color="red" variant="light">
          {t(
            instruments.error instanceof ApiError ? problemMessageKey(instruments.error.problem) : 'problem.unexpected',
          )}
        </Alert>
      ) : (
        <Table striped withTableBorder data-testid="instruments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('methodology.name')}</Table.Th>
              <Table.Th>{t('methodology.code')}</Table.Th>
              <Table.Th>{t('methodology.instrument.kind')}</Table.Th>
              <Table.Th>{t('methodology.instrument.versions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(instruments.data ?? []).map((instrument) => {
              const name = text(instrument.name, instrument.code);
              return (
                <Table.Tr key={instrument.id} data-code={instrument.code}>
                  <Table.Td>
                    <Anchor component={Link} to={toInstrument(instrument.id ?? '')} lang={name.lang}>
                      {name.text}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">{instrument.code}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`methodology.kind.${instrument.kind ?? 'ACTUARIAL'}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {(instrument.versions ?? []).map((v) => (
                        <StatusBadge key={v.id} status={v.status} number={v.number} />
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
