import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import { FullPageLoad } from '../entries/FullPageLoad.tsx';
import '../phone/phone-base.css';
import './h5.css';
import { CrashScreen } from './auth/CrashScreen.tsx';
import { RequireInspector } from './auth/RequireInspector.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { H5App } from './H5App.tsx';

/**
 * The inspector app's routes: its own sign-in at /h5/login, the app behind it at /h5/*, and a full page load for
 * any other path (the console, the citizen page). Tests pass an app with their own draft store.
 */
export function h5Routes(app: ReactNode = <H5App />): RouteObject[] {
  return [
    { path: '/h5/login', element: <SignInPage />, errorElement: <CrashScreen /> },
    { path: '/h5/*', element: <RequireInspector>{app}</RequireInspector>, errorElement: <CrashScreen /> },
    { path: '*', element: <FullPageLoad /> },
  ];
}
