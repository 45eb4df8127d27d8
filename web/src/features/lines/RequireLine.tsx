import type { ReactNode } from 'react';
import type { Line } from '../../../../common/domain/lines.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useEnabledLines } from './useLines.ts';

/**
 * The page of a switched-off line is "not found", as its API is (docs/lines.md): the route guard beside the
 * permission guard.
 */
export function RequireLine({ line, fallback, children }: { line?: Line; fallback: ReactNode; children: ReactNode }) {
  const lines = useEnabledLines(line !== undefined);
  if (!line) return <>{children}</>;
  if (!lines) return <FullPageSpin />;
  return <>{lines.includes(line) ? children : fallback}</>;
}
