import { AppShell, Burger, Group, NavLink } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom';
import { ProductMark } from '../components/ProductMark';
import { LanguageSwitch } from '../features/account/index';
import { useMe } from '../features/auth/index';
// Directly, not through the feature's index: the index would pull every field-work page into the first load.
import { NotificationBell } from '../features/field-work/notifications/NotificationBell';
import { isEntryShown, NAVIGATION } from './navigation';
import { UserMenu } from './UserMenu';
import { useSessionLanguage } from './use-session-language';

const MOBILE_QUERY = '(max-width: 47.99em)';

/** Header, role-aware navigation (a drawer behind a burger on phones) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  useSessionLanguage(me);
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const isMobile = useMediaQuery(MOBILE_QUERY) ?? false;
  const location = useLocation();
  const previousPath = useRef(location.pathname);
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    // A new page: close the phone navigation, start at the top, and put keyboard and screen-reader
    // focus on the page itself rather than on a link that may now be hidden.
    closeNav();
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname, closeNav]);

  const entries = NAVIGATION.filter((entry) => isEntryShown(me, entry));
  // On phones a closed navbar only slides off screen; inert keeps its links out of the tab order.
  const isNavHidden = isMobile && !isNavOpen;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header px={{ base: 'xs', sm: 'md' }}>
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={isNavOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={isNavOpen ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={isNavOpen}
              aria-controls="main-navigation"
            />
            <ProductMark subtitle={me.tenant.name} />
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch compact={isMobile} />
            <UserMenu compact={isMobile} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" aria-label={t('shell.navigation')} p="sm" inert={isNavHidden}>
        {entries.map((entry) => (
          <NavLink
            key={entry.to}
            component={RouterNavLink}
            to={entry.to}
            end={entry.to === '/'}
            label={t(entry.labelKey)}
            leftSection={<entry.icon size={20} aria-hidden="true" />}
            active={entry.to === '/' ? location.pathname === '/' : location.pathname.startsWith(entry.to)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
