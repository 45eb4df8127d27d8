import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir.ts';
import { httpLogin, type HttpSession } from './intake-load.ts';
import { startServer } from './server-process.ts';

/**
 * A party's ID number never reaches the request log of the real server, whether the request succeeds, fails
 * validation or looks a party up; and it is not in the database files in plain text (docs/enforcement.md, "Parties").
 */
const VALID = '11010519491231002X';
const INVALID = '110105194912310021';

describe('enforcement ID numbers in logs and at rest', () => {
  it('never logs an ID number and stores it only encrypted', async () => {
    const dataDir = makeTempDir('cityloop-enforcement-logs-');
    const server = await startServer({
      DATABASE_URL: `sqlite:${join(dataDir, 'db.sqlite')}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      WEB_DIST: join(dataDir, 'none'),
    });
    try {
      const admin = await httpLogin(server.base, 'admin', 'Admin@12345');
      const officer = await httpLogin(server.base, 'officer', 'Demo@12345');
      const call = (who: HttpSession, method: string, path: string, body?: unknown) =>
        fetch(`${server.base}${path}`, {
          method,
          headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const users = (await (await call(admin, 'GET', '/api/org/users?pageSize=100')).json()) as {
        items: { id: string; username: string }[];
      };
      const idOf = (name: string) => users.items.find((u) => u.username === name)!.id;
      const officers = [
        { userId: idOf('officer'), certNo: '42028100101' },
        { userId: idOf('officer2'), certNo: '42028100102' },
      ];
      const body = (idNumber: string) => ({
        procedure: 'ordinary',
        source: 'patrol',
        violationCode: 'wfjs',
        facts: '擅自搭建',
        violationOn: '2024-01-02',
        party: { kind: 'person', name: '张三', idNumber },
        officers,
      });
      expect((await call(officer, 'POST', '/api/enforcement/cases', body(VALID))).status).toBe(201);
      expect((await call(officer, 'POST', '/api/enforcement/cases', body(INVALID))).status).toBe(400);
      expect((await call(officer, 'POST', '/api/enforcement/parties/lookup', { idNumber: VALID })).status).toBe(200);
      await call(officer, 'GET', `/api/enforcement/cases?q=${VALID}`);
      await new Promise((r) => setTimeout(r, 300));
      const log = server.output();
      expect(log).toContain('/api/enforcement/parties/lookup');
      for (const secret of [VALID, INVALID]) expect(log, secret).not.toContain(secret);
    } finally {
      await server.kill('SIGTERM');
    }
    const files = readdirSync(dataDir).filter((f) => f.startsWith('db.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(dataDir, f)).includes(VALID), f).toBe(false);
  }, 90_000);
});
