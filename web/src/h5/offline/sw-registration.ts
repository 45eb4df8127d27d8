/**
 * The page's side of the offline app shell (docs/h5-offline.md): it registers the service worker once the page
 * has loaded, and at the next start lets a version downloaded meanwhile take over, before anything is on screen,
 * so an update never reloads a page with a report half written. Production builds only: the dev server and the
 * tests have no worker.
 */
import { SW_SCOPE, SW_SCRIPT, TAKE_OVER } from './sw-rules.ts';

const ANSWER_WAIT_MS = 3000;

function supported(): boolean {
  return import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
}

/** The waiting worker's answer to TAKE_OVER; false when it says no or does not answer in time. */
function askToTakeOver(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), ANSWER_WAIT_MS);
    channel.port1.onmessage = (event: MessageEvent<{ accepted?: boolean }>) => {
      clearTimeout(timer);
      resolve(event.data.accepted === true);
    };
    worker.postMessage(TAKE_OVER, [channel.port2]);
  });
}

function controllerChanged(container: ServiceWorkerContainer): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ANSWER_WAIT_MS);
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
  });
}

/**
 * Called before the app renders. When a newer version finished installing during an earlier visit, it takes over
 * and the page reloads once into it (resolves true: render nothing). Otherwise, or on any failure, resolves false
 * and the page starts as it is.
 */
export async function takeWaitingUpdate(): Promise<boolean> {
  if (!supported()) return false;
  try {
    const container = navigator.serviceWorker;
    const registration = await container.getRegistration(SW_SCOPE);
    const waiting = registration?.waiting;
    if (!waiting || !container.controller) return false;
    const changed = controllerChanged(container);
    if (!(await askToTakeOver(waiting)) || !(await changed)) return false;
    window.location.reload();
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers the worker after the page's own loading is done (its downloads do not compete with the first start).
 * Registering again at every start is also the check for a new version: the browser compares the script with the
 * server's, bypassing its HTTP cache (`updateViaCache: 'none'`), and installs a changed one in the background.
 */
export function registerServiceWorker(): void {
  if (!supported()) return;
  const register = () =>
    void navigator.serviceWorker
      .register(SW_SCRIPT, { scope: SW_SCOPE, updateViaCache: 'none' })
      .catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
