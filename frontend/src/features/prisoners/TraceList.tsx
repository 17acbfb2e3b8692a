import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useFormat } from '../methodology/shared/format';
import type { TraceSentence } from '../methodology/scheme/trace';

/** A rule trace in plain words, as the methodology rule tester shows it. */
export function TraceList({ sentences }: { sentences: TraceSentence[] }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <List spacing={4} size="sm" listStyleType="none" data-testid="decision-trace">
      {sentences.map((sentence, n) => (
        <List.Item key={n} data-tone={sentence.tone}>
          <Text
            size="sm"
            fw={sentence.tone === 'summary' || sentence.tone === 'matched' ? 700 : 400}
            c={sentence.tone === 'refused' || sentence.tone === 'error' ? 'red' : undefined}
          >
            {t(
              sentence.key,
              Object.fromEntries(
                Object.entries(sentence.values).map(([k, v]) => [k, typeof v === 'number' ? number(v) : v]),
              ),
            )}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
