import { createHmac } from 'node:crypto';
import { expect, request as playwrightRequest, test, type Browser, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * 城市之眼 through the real path (docs/vision.md): a camera registered over the API posts a signed event of
 * 违法建设 with its image to the webhook; the 受理员 finds it on the review desk, sees the image at full size and
 * confirms it; the case page shows the image as the case's evidence and the event as confirmed; and, 违法建设 being
 * an enforcement matter, the leader finds the lead on 线索研判 with the link back to the case.
 */
// A code and event id of their own per attempt: a retry registers the camera again on the same server.
const RUN = Date.now().toString(36).toUpperCase();
const CODE = `E2E-CAM-${RUN}`;
const EVENT_ID = `E2E-${RUN}-0001`;
const IMAGE = { width: 800, height: 450 };
// inside the demo city, away from the demo's own cases
const SPOT = { lng: 114.9712, lat: 30.0921 };
// A page's first load fetches its lazy chunk and data: on a busy machine that can outlast the default 10 s.
const FIRST_LOAD = { timeout: 30_000 };

async function staff(baseURL: string, username: string, password: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const login = await ctx.post('/api/auth/login', { data: { username, password } });
  expect(login.ok(), `login ${username}`).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const post = async (path: string, data: unknown = {}) => {
    const res = await ctx.post(path, { data, headers: { 'x-csrf-token': csrf } });
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return { ctx, post };
}

/** The event as a camera sends it: multipart with the JSON and the JPEG, signed over the whole body. */
async function postEvent(baseURL: string, sourceId: string, secret: string) {
  const image = await sharp({ create: { ...IMAGE, channels: 3, background: '#8e6b3a' } })
    .jpeg({ quality: 85 })
    .toBuffer();
  const event = {
    eventId: EVENT_ID,
    at: new Date().toISOString(),
    class: 'illegal_building',
    confidence: 0.97,
    ...SPOT,
  };
  const boundary = `e2e${RUN}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\n${JSON.stringify(event)}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="e.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex')}`;
  const ctx = await playwrightRequest.newContext({ baseURL });
  const res = await ctx.post(`/api/vision/events/${sourceId}`, {
    data: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-cityloop-timestamp': ts,
      'x-cityloop-signature': signature,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  const receipt = (await res.json()) as { status: string; caseNo: string };
  await ctx.dispose();
  return receipt;
}

async function signIn(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@12345');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('app-menu').first()).toBeVisible();
  return page;
}

/** The image's pixel width once the browser has decoded it (0 while loading). */
const decodedWidth = (image: Locator) =>
  image.evaluate((el) => (el instanceof HTMLImageElement && el.complete ? el.naturalWidth : 0));

test('a signed camera event is confirmed on the review desk and its case keeps the image', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await staff(baseURL!, 'admin', 'Admin@12345');
  const made = (await admin.post('/api/vision/sources', {
    code: CODE,
    kind: 'camera',
    name: '端到端摄像头',
    ...SPOT,
    heading: 90,
  })) as { source: { id: string }; secret: string };
  await admin.ctx.dispose();
  const receipt = await postEvent(baseURL!, made.source.id, made.secret);
  expect(receipt.status).toBe('pending');

  // the 受理员 opens the review desk: the event waits there with its image at full size
  const page = await signIn(browser, baseURL!, 'operator');
  await page.goto('/vision/review');
  const item = page.getByTestId(`review-item-${EVENT_ID}`);
  await expect(item).toBeVisible(FIRST_LOAD);
  await item.click();
  const current = page.getByTestId('review-current');
  const caseLink = current.getByRole('link', { name: receipt.caseNo });
  await expect(caseLink).toBeVisible();
  const image = current.getByTestId('review-image');
  await expect(image).toHaveAttribute('src', /^\/api\/photos\/[^/]+$/);
  await expect.poll(() => decodedWidth(image)).toBe(IMAGE.width);
  expect((await image.boundingBox())!.width).toBeGreaterThan(600);
  const caseHref = (await caseLink.getAttribute('href'))!;

  await page.getByTestId('review-confirm').click();
  await expect(item).toHaveCount(0);
  // 违法建设 is an enforcement matter: the notice names the lead the confirmation handed over
  await expect(page.getByTestId('review-lead-notice')).toContainText(/已移交执法线索 XS\d{9}/);

  // the case page: the image is the case's photo, and the event shows as confirmed
  await page.goto(caseHref);
  await expect(page.getByTestId('case-page')).toBeVisible(FIRST_LOAD);
  await expect(page.getByTestId('case-page')).toContainText(receipt.caseNo);
  const before = page.getByTestId('photo-before');
  await expect(before).toHaveAttribute('data-count', '1');
  await expect.poll(() => decodedWidth(before.locator('img').first())).toBeGreaterThan(0);
  await expect(page.getByTestId(`case-vision-event-${EVENT_ID}`)).toContainText('核实确认', FIRST_LOAD);
  await page.context().close();

  // 违法建设 is an enforcement matter: the leader finds the lead on 线索研判, linked back to the case
  const leader = await signIn(browser, baseURL!, 'leader');
  await leader.goto('/enforcement/leads');
  const row = leader.getByRole('row').filter({ hasText: `城市之眼识别：违法建设（${CODE}）` });
  await expect(row).toHaveCount(1, FIRST_LOAD);
  await expect(row.getByRole('link', { name: receipt.caseNo })).toHaveAttribute('href', caseHref);
  await expect(row.getByRole('link', { name: '图像' })).toHaveAttribute('href', /^\/api\/photos\//);
  await leader.context().close();
});
