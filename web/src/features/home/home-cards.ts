import type { Permission, Role } from '@saferhood/contracts';
import {
  IconAlertCircle,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconCalendarWeek,
  IconCategory,
  IconChartBar,
  IconChecklist,
  IconClipboardCheck,
  IconClipboardList,
  IconCloudUpload,
  IconChartLine,
  IconCoin,
  IconFileReport,
  IconFolders,
  IconHeartHandshake,
  IconListCheck,
  IconMap2,
  IconMessages,
  IconPencilPlus,
  IconReportAnalytics,
  IconShieldExclamation,
  IconSchool,
  IconServer,
  IconTargetArrow,
  IconTrash,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export interface HomeCard {
  /** Text under home.cards.<id>.title / .body. */
  id: string;
  icon: Icon;
  /** A card for something that exists already links to it; the rest say what will come. */
  link?: { to: string; permission: Permission };
  /** Where the card's title, body and action live, when not under home.cards.<id> (a feature's own catalogue). */
  textKey?: string;
}

// What each role will find on their home page, from PRODUCT.md. Users, cities, the audit log and the
// territory (map, localities, their indicators, registered crime) exist so far; every other card tells
// the person in plain words what will appear here.
export const HOME_CARDS: Readonly<Record<Role, readonly HomeCard[]>> = {
  coordinator: [
    { id: 'localitiesMap', icon: IconMap2, link: { to: '/map', permission: 'locality:list' } },
    { id: 'localityIndicators', icon: IconChartLine, link: { to: '/indicators', permission: 'indicator:list' } },
    { id: 'registeredCrime', icon: IconShieldExclamation, link: { to: '/crime', permission: 'crime_data:read' } },
    { id: 'programmeIndicators', icon: IconTargetArrow },
    { id: 'fieldWorkOverview', icon: IconClipboardList, link: { to: '/field-overview', permission: 'field_record:summarise' }, textKey: 'fieldWork.home.overview' },
    { id: 'fieldSetup', icon: IconCategory, link: { to: '/field-setup', permission: 'field_category:manage' }, textKey: 'fieldWork.home.setup' },
    { id: 'budget', icon: IconCoin },
    { id: 'teamActions', icon: IconUsersGroup },
    { id: 'staffDirectory', icon: IconUsers, link: { to: '/users', permission: 'user:list' } },
  ],
  supervisor: [
    { id: 'recordsToReview', icon: IconClipboardCheck, link: { to: '/field-review', permission: 'field_record:review' }, textKey: 'fieldWork.home.review' },
    { id: 'weekShifts', icon: IconCalendarWeek, link: { to: '/shifts', permission: 'shift:plan' }, textKey: 'fieldWork.home.shifts' },
    { id: 'assistantTraining', icon: IconSchool },
    { id: 'monthlyStatements', icon: IconFileReport, link: { to: '/activity-statement', permission: 'activity_statement:read' }, textKey: 'fieldWork.home.statement' },
    { id: 'territoryMap', icon: IconMap2, link: { to: '/map', permission: 'locality:list' } },
    { id: 'registeredCrime', icon: IconShieldExclamation, link: { to: '/crime', permission: 'crime_data:read' } },
  ],
  assistant: [
    { id: 'todayShifts', icon: IconCalendarEvent },
    { id: 'quickRecord', icon: IconPencilPlus },
    { id: 'recordsToSend', icon: IconCloudUpload },
    { id: 'territoryMap', icon: IconMap2, link: { to: '/map', permission: 'locality:list' } },
  ],
  social_worker: [
    { id: 'myCases', icon: IconFolders },
    { id: 'referrals', icon: IconHeartHandshake },
    { id: 'retentionDeadlines', icon: IconTrash },
  ],
  team_member: [
    { id: 'teamProblems', icon: IconAlertCircle },
    { id: 'agreedActions', icon: IconChecklist },
    { id: 'nextMeeting', icon: IconMessages },
  ],
  evaluator: [
    { id: 'indicatorsVsTargets', icon: IconTargetArrow },
    { id: 'surveyResults', icon: IconChartBar },
    { id: 'evaluationReport', icon: IconReportAnalytics },
    { id: 'localityIndicators', icon: IconChartLine, link: { to: '/indicators', permission: 'indicator:list' } },
    { id: 'registeredCrime', icon: IconShieldExclamation, link: { to: '/crime', permission: 'crime_data:read' } },
  ],
  interviewer: [
    { id: 'assignedSurveys', icon: IconClipboardList },
    { id: 'questionnairesToSend', icon: IconCloudUpload },
  ],
  admin: [
    { id: 'manageUsers', icon: IconUsers, link: { to: '/users', permission: 'user:list' } },
    { id: 'auditLog', icon: IconListCheck, link: { to: '/audit', permission: 'audit:list' } },
    { id: 'categories', icon: IconCategory },
    { id: 'retentionRules', icon: IconTrash },
  ],
  operator: [
    { id: 'manageTenants', icon: IconBuildingCommunity, link: { to: '/tenants', permission: 'tenant:list' } },
    { id: 'platformUsage', icon: IconServer },
  ],
};
