/** Entry of the inspector's phone app (h5.html): sign-in, the console's language and antd providers, /h5 only. */
import { bootSignedInPage } from './entries/signed-in-page.tsx';
import { H5App } from './h5/H5App.tsx';

bootSignedInPage('/h5/*', 'case.report', <H5App />);
