import { useEffect, useState } from 'react';

/**
 * The browser's idea of the network (`navigator.onLine` and its events). It can say "online" behind a dead
 * signal, which is why a failed request also saves the draft; it is never wrong when it says "offline".
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
