import { useEffect, useRef, type ReactNode } from 'react';

/** A panel's shape while the first figures load: a dim shimmering block instead of an empty chart. */
export function Placeholder() {
  return <div className="cl-dash-placeholder" data-testid="dash-placeholder" aria-busy="true" />;
}

/** Pixels per tick and the tick: about 25 px a second, slow enough to read on a wall. */
const STEP_PX = 1;
const TICK_MS = 40;
/** Rest at the top and at the bottom before moving on, so the first and last rows can be read. */
const REST_MS = 3000;

/**
 * A list that scrolls itself when it is longer than its panel: nobody at a wall screen can scroll. It rests at each
 * end, stops while the pointer is over it, and stays still for people who asked for reduced motion.
 */
export function AutoScrollList({ testId, children }: { testId: string; children: ReactNode }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = ref.current;
    if (!list || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return undefined;
    let paused = false;
    let restUntil = Date.now() + REST_MS;
    const hold = () => (paused = true);
    const go = () => (paused = false);
    list.addEventListener('mouseenter', hold);
    list.addEventListener('mouseleave', go);
    const timer = setInterval(() => {
      const room = list.scrollHeight - list.clientHeight;
      if (paused || room <= 0 || Date.now() < restUntil) return;
      if (list.scrollTop >= room - 1) {
        list.scrollTop = 0;
        restUntil = Date.now() + REST_MS;
      } else {
        list.scrollTop += STEP_PX;
        if (list.scrollTop >= room - 1) restUntil = Date.now() + REST_MS;
      }
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      list.removeEventListener('mouseenter', hold);
      list.removeEventListener('mouseleave', go);
    };
  }, []);
  return (
    <ul className="cl-dash-list" data-testid={testId} ref={ref}>
      {children}
    </ul>
  );
}
