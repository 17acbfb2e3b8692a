import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A centred card for states that replace the whole page: loading, signing in or out, fatal errors. */
export function FullPageMessage({
  title,
  children,
  busy = false,
  actions,
}: {
  title: string;
  children?: ReactNode;
  busy?: boolean;
  actions?: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={520} w="100%" aria-busy={busy}>
        <Stack gap="md" align="center">
          {busy && <Loader aria-hidden="true" />}
          <Title order={1} size="h3" ta="center">
            {title}
          </Title>
          {children && <Text ta="center">{children}</Text>}
          {actions}
        </Stack>
      </Paper>
    </Center>
  );
}
