import { useEffect, useState } from 'react';
import { Icon } from './icons.tsx';

/**
 * Short notices at the top of the screen (sent, copied, failed), a few seconds each, read out by screen readers;
 * any code may call `toast.*`, and one host per page shows them.
 */
type Kind = 'success' | 'info' | 'warning' | 'error';
interface Toast {
  id: number;
  kind: Kind;
  text: string;
}

const ICON = { success: 'check', info: 'info', warning: 'warning', error: 'warning' } as const;
let next = 1;
let shown: Toast[] = [];
const listeners = new Set<(toasts: Toast[]) => void>();
const publish = () => listeners.forEach((listener) => listener(shown));

function push(kind: Kind, text: string): void {
  const entry = { id: next++, kind, text };
  shown = [...shown, entry].slice(-3);
  publish();
  setTimeout(
    () => {
      shown = shown.filter((t) => t.id !== entry.id);
      publish();
    },
    kind === 'error' ? 5000 : 3000,
  );
}

export const toast = {
  success: (text: string) => push('success', text),
  info: (text: string) => push('info', text),
  warning: (text: string) => push('warning', text),
  error: (text: string) => push('error', text),
};

/** `testIdPrefix` names each toast for tests: `public-toast` → public-toast-success. */
export function ToastHost({ testIdPrefix }: { testIdPrefix: string }) {
  const [toasts, setToasts] = useState<Toast[]>(shown);
  useEffect(() => {
    listeners.add(setToasts);
    return () => void listeners.delete(setToasts);
  }, []);
  return (
    <div className="ph-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`ph-toast ph-toast-${t.kind}`} data-testid={`${testIdPrefix}-${t.kind}`}>
          <Icon name={ICON[t.kind]} />
          <span>{t.text}</span>
        </div>
      ))}
    </div>
  );
}
