import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { useApi } from '../../../api/ApiContext';
import { useReadOnly } from '../shared/EditingContext';
import { ListEditor, type VersionedList } from '../shared/ListEditor';
import { useFieldError } from '../shared/ProblemsContext';
import { TextsInput } from '../shared/TextsInput';
import { nextCode } from '../instruments/definition';
import { COMMON_LEVELS, fetchRiskLevels, riskLevelsKey, saveRiskLevels, type RiskLevel, type RiskScale } from './api';

const asList = (scale: RiskScale): VersionedList<RiskLevel> => ({ entries: scale.levels, version: scale.version });

/** The country's risk levels, lowest first, each named in its languages and placed on the common scale. */
export default function RiskLevelsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const query = useQuery({
    queryKey: [...riskLevelsKey, 'list'],
    queryFn: async ({ signal }) => asList(await fetchRiskLevels(api, signal)),
  });
  const queryClient = useQueryClient();
  const save = useCallback(
    async (levels: RiskLevel[], version: number) => {
      const saved = await saveRiskLevels(api, levels, version);
      // The instrument builder's band levels read the same scale.
      queryClient.setQueryData(riskLevelsKey, saved);
      return asList(saved);
    },
    [api, queryClient],
  );
  const reload = useCallback(async () => asList(await fetchRiskLevels(api)), [api]);
  return (
    <ListEditor<RiskLevel>
      title={t('methodology.screen.riskLevels.title')}
      description={t('methodology.riskLevels.intro')}
      query={query}
      queryKey={[...riskLevelsKey, 'list']}
      path="levels"
      save={save}
      reload={reload}
      newEntry={(levels) => ({
        code: nextCode(
          'LEVEL',
          levels.map((l) => l.code),
        ),
        name: {},
        commonLevel: levels.at(-1)?.commonLevel ?? 'LOW',
      })}
      nameOf={(level) => level.code}
      addLabel={t('methodology.riskLevels.add')}
      minEntries={2}
      renderEntry={(level, index, update) => <RiskLevelRow level={level} index={index} update={update} />}
    />
  );
}

function RiskLevelRow({ level, index, update }: { level: RiskLevel; index: number; update: (l: RiskLevel) => void }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const path = `levels.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <TextInput
        label={t('methodology.code')}
        value={level.code}
        onChange={(e) => update({ ...level, code: e.currentTarget.value.toUpperCase() })}
        readOnly={readOnly}
        required
        dir="ltr"
        error={useFieldError(`${path}.code`)}
      />
      <TextsInput
        path={`${path}.name`}
        label={t('methodology.name')}
        value={level.name}
        onChange={(name) => update({ ...level, name })}
        readOnly={readOnly}
      />
      <Select
        label={t('methodology.riskLevels.commonLevel')}
        description={t('methodology.riskLevels.commonLevelHint')}
        data={COMMON_LEVELS.map((common) => ({ value: common, label: t(`methodology.common.${common}`) }))}
        value={level.commonLevel}
        onChange={(common) => common && update({ ...level, commonLevel: common as RiskLevel['commonLevel'] })}
        readOnly={readOnly}
        allowDeselect={false}
        error={useFieldError(`${path}.commonLevel`)}
      />
    </SimpleGrid>
  );
}
