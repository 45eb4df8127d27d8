import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * A route owned by another HTML page (the console linking to /dashboard, the inspector app sending a signed-out
 * user to /login): the browser loads that page, so each page keeps only its own bundle.
 */
export function FullPageLoad() {
  const { pathname, search, hash } = useLocation();
  useEffect(() => {
    window.location.replace(`${pathname}${search}${hash}`);
  }, [pathname, search, hash]);
  return null;
}
