import { createContext, useContext } from 'react';

/** Whether the document on screen may be changed (a draft, by a country administrator) or only read. */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
