import { useMemo } from 'react';
import { qrPath } from './qr-svg.ts';

/**
 * The tracking link as a QR code, drawn as SVG so it stays sharp when printed or zoomed. Loaded lazily by the done
 * page: the encoder is not part of the citizen page's first load.
 */
export default function TrackQr({ link, label }: { link: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(link), [link]);
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      width={200}
      height={200}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="public-track-qr"
      data-link={link}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
