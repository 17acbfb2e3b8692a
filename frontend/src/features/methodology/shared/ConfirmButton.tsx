import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button whose action (publish, retire) is asked for once more, with what it means. */
export function ConfirmButton({
  children,
  title,
  text,
  onConfirm,
  testId,
  ...button
}: ButtonProps & {
  children: ReactNode;
  title: string;
  text: string;
  onConfirm: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...button} onClick={open} data-testid={testId}>
        {children}
      </Button>
      {/* No scroll lock: react-remove-scroll writes a <style> element without the page's CSP nonce, which the
          strict style-src refuses (a console violation); the modal is small and needs no locked page behind it. */}
      <Modal opened={opened} onClose={close} title={title} centered lockScroll={false}>
        <Text size="sm" mb="md">
          {text}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('methodology.actions.cancel')}
          </Button>
          <Button
            data-testid={testId ? `${testId}-confirm` : undefined}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {children}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
