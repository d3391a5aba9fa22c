import { createBrowserRouter } from 'react-router';
import { PAGES } from '../pages/registry';
import { Guard, Home, NotFound, Shell } from './Shell';
import SignIn from '../pages/SignIn';
import OidcCallback from '../pages/OidcCallback';

/** The console's routes under /console/: sign-in outside the shell, every page of the registry inside it. */
export const router = createBrowserRouter(
  [
    { path: '/signin', element: <SignIn /> },
    { path: '/oidc/callback', element: <OidcCallback /> },
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Home /> },
        ...PAGES.map((page) => ({ path: page.path, element: <Guard page={page} /> })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/console' },
);
