import { useCallback, useEffect, useRef, useState } from 'react';

export type GeoFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export type GeoState =
  | { status: 'idle' | 'locating' }
  | { status: 'located'; lat: number; lng: number; accuracy: number; at: number }
  | { status: 'failed'; reason: GeoFailure };

const OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 20_000, maximumAge: 15_000 };

function failure(error: GeolocationPositionError): GeoFailure {
  if (error.code === error.PERMISSION_DENIED) return 'denied';
  if (error.code === error.TIMEOUT) return 'timeout';
  return 'unavailable';
}

/**
 * The browser's position (WGS84, as the Geolocation API defines it: no GCJ-02 shift to undo). Browsers only
 * offer it on HTTPS (or localhost), so production must be served over TLS.
 */
export function useGeolocation(): { state: GeoState; locate: () => void } {
  const [state, setState] = useState<GeoState>({ status: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const locate = useCallback(() => {
    const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geo) {
      setState({ status: 'failed', reason: 'unsupported' });
      return;
    }
    setState({ status: 'locating' });
    geo.getCurrentPosition(
      (position) =>
        live.current &&
        setState({
          status: 'located',
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: position.coords.accuracy,
          at: position.timestamp,
        }),
      (error) => live.current && setState({ status: 'failed', reason: failure(error) }),
      OPTIONS,
    );
  }, []);

  return { state, locate };
}
