import { createContext, useContext } from 'react';

/** Controls of the realm session that sit above the OIDC provider (see SessionRoot). */
export interface SessionControls {
  /** Leaves the signed-in part of the app for the sign-in page, showing `notice` there (an i18n key). */
  endSession: (notice?: string) => void;
  /** True from the moment the user chose to sign out until the browser leaves for Keycloak. */
  signingOut: boolean;
  setSigningOut: (value: boolean) => void;
}

export const SessionContext = createContext<SessionControls | null>(null);

export function useSessionControls(): SessionControls {
  const controls = useContext(SessionContext);
  if (!controls) throw new Error('useSessionControls outside SessionRoot');
  return controls;
}
