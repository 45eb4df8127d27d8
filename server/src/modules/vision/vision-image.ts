import { MAX_PHOTO_BYTES } from '../photos/index.ts';
import { visionErrors } from './vision.errors.ts';

/** How long the server waits for an allow-listed image host. */
const FETCH_TIMEOUT_MS = 5000;

/**
 * An image URL is fetched only from a host the operator listed (`VISION_IMAGE_HOSTS`, exact `host` or `host:port`;
 * empty by default, so nothing is fetched): the server must never be a proxy into the bureau's network for whoever
 * holds a camera's secret. Plain http(s) only, no credentials in the URL, no redirects.
 */
export function checkImageUrl(raw: string, hosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw visionErrors.field('body.imageUrl', 'url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw visionErrors.field('body.imageUrl', 'url', 'only http and https URLs');
  if (url.username || url.password) throw visionErrors.field('body.imageUrl', 'url', 'no credentials in the URL');
  if (!hosts.includes(url.host.toLowerCase()))
    throw visionErrors.field('body.imageUrl', 'host', 'the image host is not on the allow-list');
  return url;
}

/** The image's bytes, at most the photo limit; any failure is the sender's to fix, named on `body.imageUrl`. */
export async function fetchImage(url: URL): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch {
    throw visionErrors.field('body.imageUrl', 'fetch', 'the image could not be fetched');
  }
  if (!res.ok || !res.body) throw visionErrors.field('body.imageUrl', 'fetch', `the image host answered ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_PHOTO_BYTES) {
    await res.body.cancel();
    throw visionErrors.field('body.imageUrl', 'size', 'the image is too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_PHOTO_BYTES) {
      await reader.cancel();
      throw visionErrors.field('body.imageUrl', 'size', 'the image is too large');
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
