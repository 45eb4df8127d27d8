import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

// Runs after each test file's own afterAll hooks, passed or failed: the file's temporary directories go with it.
afterAll(() => removeTempDirs());
