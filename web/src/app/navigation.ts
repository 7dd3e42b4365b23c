import { canSome, type Me, type Permission } from '@saferhood/contracts';
import {
  IconBuildingCommunity,
  IconCalendarWeek,
  IconChartLine,
  IconChartDots,
  IconSettings,
  IconClipboardCheck,
  IconFileImport,
  IconFileReport,
  IconHome,
  IconListCheck,
  IconMap2,
  IconMapPins,
  IconPolygon,
  IconShieldExclamation,
  IconShieldLock,
  IconUserCircle,
  IconUsersGroup,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavigationEntry {
  to: string;
  labelKey: string;
  icon: Icon;
  /** Shown only to people who hold this permission; none means everyone signed in. */
  permission?: Permission;
  /** The permission may hold only for some records (a signal's designated recipient): shown to the roles with any grant. */
  isConditional?: boolean;
}

/** Whether the person sees the entry: their permissions, or for a conditional grant, their role's. */
export function isEntryShown(me: Me, entry: NavigationEntry): boolean {
  if (!entry.permission) return true;
  return entry.isConditional ? canSome(me.user.role, entry.permission) : me.permissions.includes(entry.permission);
}

/** Every place in the office app. Who sees which comes from the permissions, never from role names. */
export const NAVIGATION: readonly NavigationEntry[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome },
  { to: '/map', labelKey: 'nav.map', icon: IconMap2, permission: 'locality:list' },
  { to: '/localities', labelKey: 'nav.localities', icon: IconPolygon, permission: 'locality:list' },
  { to: '/places', labelKey: 'nav.places', icon: IconMapPins, permission: 'place:list' },
  { to: '/indicators', labelKey: 'nav.indicators', icon: IconChartLine, permission: 'indicator:list' },
  { to: '/crime', labelKey: 'nav.crime', icon: IconShieldExclamation, permission: 'crime_data:read' },
  { to: '/field-review', labelKey: 'fieldWork.nav.review', icon: IconClipboardCheck, permission: 'field_record:review' },
  { to: '/shifts', labelKey: 'fieldWork.nav.shifts', icon: IconCalendarWeek, permission: 'shift:plan' },
  { to: '/field-teams', labelKey: 'fieldWork.nav.teams', icon: IconUsersGroup, permission: 'field_team:list' },
  { to: '/signals', labelKey: 'fieldWork.nav.signals', icon: IconShieldLock, permission: 'field_record:read_restricted', isConditional: true },
  { to: '/field-overview', labelKey: 'fieldWork.nav.overview', icon: IconChartDots, permission: 'field_record:summarise' },
  { to: '/activity-statement', labelKey: 'fieldWork.nav.statement', icon: IconFileReport, permission: 'activity_statement:read' },
  { to: '/field-setup', labelKey: 'fieldWork.nav.setup', icon: IconSettings, permission: 'field_settings:update' },
  { to: '/import', labelKey: 'nav.import', icon: IconFileImport, permission: 'locality:import' },
  { to: '/users', labelKey: 'nav.users', icon: IconUsers, permission: 'user:list' },
  { to: '/tenants', labelKey: 'nav.tenants', icon: IconBuildingCommunity, permission: 'tenant:list' },
  { to: '/audit', labelKey: 'nav.audit', icon: IconListCheck, permission: 'audit:list' },
  { to: '/account', labelKey: 'nav.account', icon: IconUserCircle },
];
