import type { Permission } from '@saferhood/contracts';
import { IconBuildingCommunity, IconHome, IconListCheck, IconUserCircle, IconUsers, type Icon } from '@tabler/icons-react';

export interface NavigationEntry {
  to: string;
  labelKey: string;
  icon: Icon;
  /** Shown only to people who hold this permission; none means everyone signed in. */
  permission?: Permission;
}

/** Every place in the office app. Who sees which comes from the permissions, never from role names. */
export const NAVIGATION: readonly NavigationEntry[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome },
  { to: '/users', labelKey: 'nav.users', icon: IconUsers, permission: 'user:list' },
  { to: '/tenants', labelKey: 'nav.tenants', icon: IconBuildingCommunity, permission: 'tenant:list' },
  { to: '/audit', labelKey: 'nav.audit', icon: IconListCheck, permission: 'audit:list' },
  { to: '/account', labelKey: 'nav.account', icon: IconUserCircle },
];
