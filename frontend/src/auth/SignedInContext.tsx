import { createContext, useContext } from 'react';

import type { Me } from '../api/me';
import type { Language } from '../i18n/languages';
import type { Role } from './roles';

export interface SignedIn {
  me: Me;
  roles: Role[];
  /** The person's name as the identity provider knows it, else the user name. */
  displayName: string;
  signOut: () => Promise<void>;
  changeLanguage: (language: Language) => Promise<void>;
  /** A message about the last language change (e.g. saved after a conflict), for a live region. */
  languageStatus: { kind: 'info' | 'error'; key: string } | null;
  savingLanguage: boolean;
}

export const SignedInContext = createContext<SignedIn | null>(null);

export function useSignedIn(): SignedIn {
  const value = useContext(SignedInContext);
  if (!value) throw new Error('useSignedIn outside SignedInApp');
  return value;
}
