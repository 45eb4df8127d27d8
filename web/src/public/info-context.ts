import { createContext, useContext } from 'react';
import type { PublicInfo } from './api/public.api.ts';

export interface InfoValue {
  info: PublicInfo | null;
  /** why the last load failed (null while it works) */
  error: unknown;
  reload: () => void;
}

export const InfoContext = createContext<InfoValue>({ info: null, error: null, reload: () => undefined });

/** The city this page serves (name, map start, reopen window), loaded once. */
export const usePublicInfo = () => useContext(InfoContext);
