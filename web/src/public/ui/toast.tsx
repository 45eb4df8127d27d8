import { useEffect, useState } from 'react';
import { Icon } from './icons.tsx';

/** Short notices at the top of the screen (copied, thanks, failed), a few seconds each; one host in the layout. */
type Kind = 'success' | 'warning' | 'error';
interface Toast {
  id: number;
  kind: Kind;
  text: string;
}

let next = 1;
let shown: Toast[] = [];
const listeners = new Set<(toasts: Toast[]) => void>();
const publish = () => listeners.forEach((listener) => listener(shown));

function push(kind: Kind, text: string): void {
  const entry = { id: next++, kind, text };
  shown = [...shown, entry].slice(-3);
  publish();
  setTimeout(() => {
    shown = shown.filter((t) => t.id !== entry.id);
    publish();
  }, 3000);
}

export const toast = {
  success: (text: string) => push('success', text),
  warning: (text: string) => push('warning', text),
  error: (text: string) => push('error', text),
};

export function ToastHost() {
  const [toasts, setToasts] = useState<Toast[]>(shown);
  useEffect(() => {
    listeners.add(setToasts);
    return () => void listeners.delete(setToasts);
  }, []);
  return (
    <div className="pub-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`pub-toast pub-toast-${t.kind}`} data-testid={`public-toast-${t.kind}`}>
          <Icon name={t.kind === 'success' ? 'check' : 'warning'} />
          <span>{t.text}</span>
        </div>
      ))}
    </div>
  );
}
