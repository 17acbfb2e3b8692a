import { Alert, Button, Card, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Definition } from '../methodology/instruments/api';
import { useFormat } from '../methodology/shared/format';
import { formatAnswer } from './formatAnswer';
import type { Choice, Conflict } from './sync';

/**
 * Someone else saved this assessment meanwhile: each answer that differs is shown twice, the assessor's and the
 * server's, and the assessor chooses which stays. Nothing is dropped until they choose.
 */
export function ConflictPanel({
  definition,
  conflict,
  onResolve,
}: {
  definition: Definition;
  conflict: Conflict;
  onResolve: (choices: Record<string, Choice>) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const items = (definition.sections ?? []).flatMap((s) => s.items ?? []);
  const editable = conflict.theirs.status === 'DRAFT' || conflict.theirs.status === 'RETURNED';
  const describe = (key: string, side: 'mine' | 'theirs') => {
    if (key === 'judgement') {
      const j = side === 'mine' ? conflict.mine.judgement : conflict.theirs.judgement;
      return j?.level ? `${j.level}${j.rationale ? ` — ${j.rationale}` : ''}` : t('entry.unanswered');
    }
    const code = key.slice('answers.'.length);
    const value = side === 'mine' ? conflict.mine.answers[code] : conflict.theirs.answers?.[code];
    return formatAnswer(
      items.find((i) => i.code === code),
      value,
      format,
      t,
    );
  };
  const labelOf = (key: string) => {
    if (key === 'judgement') return t('entry.judgement.title');
    const code = key.slice('answers.'.length);
    const item = items.find((i) => i.code === code);
    return item ? format.text(item.label, code).text : code;
  };
  return (
    <Card withBorder component="section" aria-labelledby="conflict-title" data-testid="conflict" bd="2px solid orange">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conflict-title">
          {t('entry.conflict.title')}
        </Title>
        <Alert color="orange" variant="light" role="alert">
          {t(editable ? 'entry.conflict.intro' : 'entry.conflict.notEditable')}
        </Alert>
        {conflict.keys.map((key) => (
          <Radio.Group
            key={key}
            label={labelOf(key)}
            value={choices[key] ?? 'mine'}
            onChange={(v) => setChoices({ ...choices, [key]: v as Choice })}
            data-conflict={key}
          >
            <Stack gap={4} mt={4}>
              <Radio value="mine" label={t('entry.conflict.mine', { value: describe(key, 'mine') })} />
              <Radio value="theirs" label={t('entry.conflict.theirs', { value: describe(key, 'theirs') })} />
            </Stack>
          </Radio.Group>
        ))}
        <Text size="xs" c="dimmed">
          {t('entry.conflict.hint')}
        </Text>
        <Button
          onClick={() => onResolve(editable ? choices : Object.fromEntries(conflict.keys.map((k) => [k, 'theirs'])))}
          data-testid="resolve-conflict"
          w="fit-content"
        >
          {t('entry.conflict.apply')}
        </Button>
      </Stack>
    </Card>
  );
}
