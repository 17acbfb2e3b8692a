import { NumberInput, type NumberInputProps } from '@mantine/core';

import { useNumberInputLocale } from './numberInput';

/** Mantine's NumberInput with the decimal separator of the user's language (see numberSeparators). */
export function LocaleNumberInput(props: NumberInputProps) {
  const separators = useNumberInputLocale();
  return <NumberInput {...separators} {...props} />;
}
