/** Entry of the command screen (dashboard.html, 指挥大屏): full screen, outside the console chrome. */
import { DashboardScreen } from './features/dashboard/DashboardScreen.tsx';
import { bootSignedInPage } from './entries/signed-in-page.tsx';

bootSignedInPage('/dashboard', 'dashboard.read', <DashboardScreen />);
