import type { buildApp } from '../../server/src/app.ts';
import type { FixedClock } from '../../server/src/platform/clock.ts';
import { multipart } from '../../server/src/testing/citizen.fixtures.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The demo users the loaders sign in as (server/src/seed/daye-org.ts), each with the permission its calls need. */
export const DEMO_USERS = {
  admin: 'Admin@12345',
  leader: 'Demo@12345',
  bureauleader: 'Demo@12345',
  officer: 'Demo@12345',
  officer2: 'Demo@12345',
  squadleader: 'Demo@12345',
  operator: 'Demo@12345',
  shiftleader: 'Demo@12345',
  dispatcher: 'Demo@12345',
  handler: 'Demo@12345',
  inspector: 'Demo@12345',
} as const;
export type DemoUser = keyof typeof DEMO_USERS;
/** The demo city's code, which the citizen pages take in `x-city`. */
export const DEMO_CITY = '420281';

/**
 * Settings of the app in the script (docs/demo-city.md, "The 2023 year"): a loader moves the clock over a year, so
 * a session lasts its longest (30 days idle, 90 in all) instead of ending at every new day and signing in again
 * hundreds of times a minute; and it uploads a re-inspection photo per gas hazard, far more than a person's 60 a
 * minute.
 */
export const DEMO_YEAR_ENV = {
  SESSION_TTL_HOURS: String(24 * 30),
  SESSION_ABSOLUTE_HOURS: String(24 * 90),
  PHOTO_UPLOADS_PER_MINUTE_USER: '100000',
};

/** Thrown on any answer that is not 2xx: the loaders stop at the first refused record. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} → ${status} ${body.slice(0, 400)}`);
  }
}

/**
 * The platform as a client sees it: HTTP requests to an app in this process (`app.inject`, the same routing,
 * hooks, permission checks and validation as a listening server), signed in as demo users, with the app's clock
 * set to the business moment of each record. Routes that stamp "now" (an approval's acceptance, a reply) then
 * stamp a 2023 instant, which a server on the wall clock could not do.
 */
export class DemoApi {
  private sessions = new Map<DemoUser, { cookie: string; csrf: string }>();
  constructor(
    private readonly app: App,
    private readonly clock: FixedClock,
  ) {}

  /** Sets the app's clock to a local time of the tenant (Asia/Shanghai, UTC+8). */
  at(date: string, time = '09:30'): this {
    this.clock.set(new Date(`${date}T${time}:00+08:00`));
    return this;
  }

  private async signIn(user: DemoUser) {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user, password: DEMO_USERS[user] },
    });
    if (res.statusCode !== 200) throw new ApiError(res.statusCode, res.body, `sign-in of ${user}`);
    const cookie = res.cookies.find((c) => c.name === 'cityloop_sid');
    if (!cookie) throw new Error('no session cookie');
    const session = { cookie: `cityloop_sid=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
    this.sessions.set(user, session);
    return session;
  }

  async call<T = unknown>(
    user: DemoUser,
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const session = this.sessions.get(user) ?? (await this.signIn(user));
      const res = await this.app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: {
          ...headers,
          cookie: session.cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
        },
      });
      // a session ends when the clock moves past its idle limit: sign in again at the new moment
      if (res.statusCode === 401 && attempt === 0) {
        this.sessions.delete(user);
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299)
        throw new ApiError(res.statusCode, res.body, `${method} ${url}`);
      return (res.body ? res.json() : undefined) as T;
    }
  }

  /** Uploads one photo as the console does (multipart field `file`) and answers its id. */
  async upload(user: DemoUser, jpeg: Buffer): Promise<string> {
    const { payload, headers } = multipart(jpeg);
    return (await this.call<{ id: string }>(user, 'POST', '/api/photos', payload, headers)).id;
  }

  /** A POST of a file's bytes (a weighbridge CSV), as the console's upload sends them. */
  postFile<T = unknown>(user: DemoUser, url: string, body: string, contentType: string): Promise<T> {
    return this.call<T>(user, 'POST', url, body, { 'content-type': contentType });
  }

  /**
   * A citizen's request to the public pages (no sign-in): the city in `x-city` and the phone's own device id, as the
   * citizen H5 sends them.
   */
  async citizen<T = unknown>(url: string, body: unknown, device: string): Promise<T> {
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers: { 'x-city': DEMO_CITY, 'x-device-id': device },
    });
    if (res.statusCode < 200 || res.statusCode > 299) throw new ApiError(res.statusCode, res.body, `POST ${url}`);
    return res.json<T>();
  }

  /** A partner system's call: no session, its own headers (a webhook's Bearer secret). */
  async external<T = unknown>(method: Method, url: string, body: unknown, headers: Record<string, string>): Promise<T> {
    const res = await this.app.inject({ method, url, payload: body as object, headers });
    if (res.statusCode < 200 || res.statusCode > 299) throw new ApiError(res.statusCode, res.body, `${method} ${url}`);
    return res.json<T>();
  }

  get = <T = unknown>(user: DemoUser, url: string) => this.call<T>(user, 'GET', url);
  post = <T = unknown>(user: DemoUser, url: string, body: unknown = {}) => this.call<T>(user, 'POST', url, body);
  put = <T = unknown>(user: DemoUser, url: string, body: unknown) => this.call<T>(user, 'PUT', url, body);

  /** The `total` of a paged list: how many records a loader finds already there. */
  async total(user: DemoUser, url: string): Promise<number> {
    const sep = url.includes('?') ? '&' : '?';
    return (await this.get<{ total: number }>(user, `${url}${sep}page=1&pageSize=1`)).total;
  }
}
