import { Group, Text } from '@mantine/core';

export function Brand() {
  return (
    <Group gap="xs" wrap="nowrap">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <Text fw={700} size="lg" c="custodia.9">
        Custodia
      </Text>
    </Group>
  );
}
