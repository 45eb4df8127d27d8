import type { ReactNode } from 'react';
import { useAuth } from './context.ts';

interface Props {
  permission?: string;
  /** Shown when the permission is missing (the console shows its 403 page). */
  fallback: ReactNode;
  children: ReactNode;
}

/** Page-level guard; the server checks again on every call, this only spares the user a page of errors. */
export function RequirePermission({ permission, fallback, children }: Props) {
  const auth = useAuth();
  return <>{permission && !auth.can(permission) ? fallback : children}</>;
}
