import { configure } from '@testing-library/react';
// Tests render in either language synchronously: register every catalog (the app loads en on demand).
import '../../common/i18n/index.ts';

// Lazy pages and antd's first render can take more than the 1 s default on a busy 2-core CI machine.
configure({ asyncUtilTimeout: 15_000 });
