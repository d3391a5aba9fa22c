import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { whenUnauthenticated } from '../api/client';
import { readSession, saveToken, Session, signOut as forget } from '../api/session';

interface SessionContextValue {
  readonly session: Session | null;
  /** stores the token; null when it is not one this console can use */
  signIn(token: string): Session | null;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue>({ session: null, signIn: () => null, signOut: () => {} });

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => readSession());
  const signIn = useCallback((token: string) => {
    const s = saveToken(token);
    setSession(s);
    return s;
  }, []);
  const signOut = useCallback(() => {
    forget();
    setSession(null);
  }, []);
  // a token the API refuses (expired, another key) ends the session: the router sends the user to sign in
  useEffect(() => whenUnauthenticated(signOut), [signOut]);
  // another tab signing in or out
  useEffect(() => {
    const onStorage = () => setSession(readSession());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}
