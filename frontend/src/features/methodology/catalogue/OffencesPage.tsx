import { Autocomplete, SimpleGrid, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../../api/ApiContext';
import { useReadOnly } from '../shared/EditingContext';
import { ListEditor } from '../shared/ListEditor';
import { useFieldError } from '../shared/ProblemsContext';
import { TextsInput } from '../shared/TextsInput';
import { fetchOffences, offencesKey, saveOffences, useOffences, type Offence } from './api';

/** The country's offence codes, each with its names and its gravity class (read by classification rules). */
export default function OffencesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const query = useOffences();
  const save = useCallback((offences: Offence[], version: number) => saveOffences(api, offences, version), [api]);
  const reload = useCallback(() => fetchOffences(api), [api]);
  const gravities = [...new Set((query.data?.entries ?? []).map((o) => o.gravity).filter(Boolean))].sort();
  return (
    <ListEditor<Offence>
      title={t('methodology.screen.offences.title')}
      description={t('methodology.offences.intro')}
      query={query}
      queryKey={offencesKey}
      path="offences"
      save={save}
      reload={reload}
      newEntry={() => ({ code: '', name: {}, gravity: gravities[0] ?? '' })}
      nameOf={(offence, index) => offence.code || `#${index + 1}`}
      addLabel={t('methodology.offences.add')}
      renderEntry={(offence, index, update) => (
        <OffenceRow offence={offence} index={index} update={update} gravities={gravities} />
      )}
    />
  );
}

function OffenceRow({
  offence,
  index,
  update,
  gravities,
}: {
  offence: Offence;
  index: number;
  update: (o: Offence) => void;
  gravities: string[];
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const path = `offences.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <TextInput
        label={t('methodology.code')}
        value={offence.code}
        onChange={(e) => update({ ...offence, code: e.currentTarget.value })}
        readOnly={readOnly}
        required
        dir="ltr"
        error={useFieldError(`${path}.code`)}
      />
      <TextsInput
        path={`${path}.name`}
        label={t('methodology.name')}
        value={offence.name}
        onChange={(name) => update({ ...offence, name })}
        readOnly={readOnly}
      />
      <Autocomplete
        label={t('methodology.offences.gravity')}
        description={t('methodology.offences.gravityHint')}
        data={gravities}
        value={offence.gravity}
        onChange={(gravity) => update({ ...offence, gravity: gravity.toUpperCase() })}
        readOnly={readOnly}
        required
        dir="ltr"
        error={useFieldError(`${path}.gravity`)}
      />
    </SimpleGrid>
  );
}
