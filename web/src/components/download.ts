import { ApiError } from '../api/errors.ts';
import { toQueryString, type Query } from '../api/client.ts';

/** The file name from Content-Disposition (RFC 6266 filename* first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * GETs a file with the session cookie and saves it under the server's name. Errors (403, a bad filter) arrive as the
 * usual JSON body and are thrown as ApiError, so the page can say what went wrong instead of saving an error page.
 */
export async function downloadFile(path: string, query: Query, locale: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(query)}`, {
      credentials: 'same-origin',
      headers: { 'accept-language': locale },
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
  }
  if (!response.ok) {
    const text = await response.text();
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    throw ApiError.fromResponse(response.status, payload);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
