import { useEffect, useState } from 'react';

/** The field app's few screens, each with its own address under /field/ (the back button works). */
export type FieldRoute =
  | { screen: 'today' }
  | { screen: 'new' }
  | { screen: 'records' }
  | { screen: 'record'; id: string }
  | { screen: 'edit'; id: string };

export function parseRoute(pathname: string): FieldRoute {
  const parts = pathname.replace(/^\/field\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'new') return { screen: 'new' };
  if (parts[0] === 'records' && parts[1] && parts[2] === 'edit') return { screen: 'edit', id: parts[1] };
  if (parts[0] === 'records' && parts[1]) return { screen: 'record', id: parts[1] };
  if (parts[0] === 'records') return { screen: 'records' };
  return { screen: 'today' };
}

export function routePath(route: FieldRoute): string {
  switch (route.screen) {
    case 'today':
      return '/field/';
    case 'new':
      return '/field/new';
    case 'records':
      return '/field/records';
    case 'record':
      return `/field/records/${route.id}`;
    case 'edit':
      return `/field/records/${route.id}/edit`;
  }
}

export function useFieldRoute(): [FieldRoute, (route: FieldRoute, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: FieldRoute, options: { replace?: boolean } = {}) => {
    const path = routePath(next);
    if (options.replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    setRoute(next);
    window.scrollTo(0, 0);
  };
  return [route, navigate];
}
