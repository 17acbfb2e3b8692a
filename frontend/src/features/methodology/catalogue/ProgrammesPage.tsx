import { SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../../api/ApiContext';
import { CelField } from '../shared/CelField';
import { useReadOnly } from '../shared/EditingContext';
import { ListEditor } from '../shared/ListEditor';
import { useFieldError } from '../shared/ProblemsContext';
import { TextsInput } from '../shared/TextsInput';
import { fetchProgrammes, programmesKey, saveProgrammes, useProgrammes, type Programme } from './api';

/** The country's programmes: the needs each addresses and, optionally, who is eligible (a CEL expression). */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const query = useProgrammes();
  const save = useCallback(
    (programmes: Programme[], version: number) => saveProgrammes(api, programmes, version),
    [api],
  );
  const reload = useCallback(() => fetchProgrammes(api), [api]);
  return (
    <ListEditor<Programme>
      title={t('methodology.screen.programmes.title')}
      description={t('methodology.programmes.intro')}
      query={query}
      queryKey={programmesKey}
      path="programmes"
      save={save}
      reload={reload}
      newEntry={() => ({ code: '', name: {}, needs: [] })}
      nameOf={(programme, index) => programme.code || `#${index + 1}`}
      addLabel={t('methodology.programmes.add')}
      renderEntry={(programme, index, update) => <ProgrammeRow programme={programme} index={index} update={update} />}
    />
  );
}

function ProgrammeRow({
  programme,
  index,
  update,
}: {
  programme: Programme;
  index: number;
  update: (p: Programme) => void;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const path = `programmes.${index}`;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('methodology.code')}
          value={programme.code}
          onChange={(e) => update({ ...programme, code: e.currentTarget.value })}
          readOnly={readOnly}
          required
          dir="ltr"
          error={useFieldError(`${path}.code`)}
        />
        <TextsInput
          path={`${path}.name`}
          label={t('methodology.name')}
          value={programme.name}
          onChange={(name) => update({ ...programme, name })}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <TagsInput
        label={t('methodology.programmes.needs')}
        description={t('methodology.programmes.needsHint')}
        value={programme.needs}
        onChange={(needs) => update({ ...programme, needs })}
        readOnly={readOnly}
        dir="ltr"
        error={useFieldError(`${path}.needs`)}
      />
      <CelField
        path={`${path}.eligibility`}
        label={t('methodology.programmes.eligibility')}
        description={t('methodology.programmes.eligibilityHint')}
        value={programme.eligibility}
        onChange={(eligibility) => {
          // An emptied condition is left out: the programme is then open to everyone.
          update({
            code: programme.code,
            name: programme.name,
            needs: programme.needs,
            ...(eligibility.trim() ? { eligibility } : {}),
          });
        }}
        readOnly={readOnly}
      />
    </Stack>
  );
}
