import { configure } from '@testing-library/react';

// Lazy pages and antd's first render can take more than the 1 s default on a busy 2-core CI machine.
configure({ asyncUtilTimeout: 5000 });
