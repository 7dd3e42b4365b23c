export { ReviewQueuePage } from './review/ReviewQueuePage';
export { FieldRecordShowPage } from './review/FieldRecordShowPage';
export { ShiftWeekPage } from './shifts/ShiftWeekPage';
export { TeamListPage } from './teams/TeamListPage';
export { NotificationListPage } from './notifications/NotificationListPage';
export { SignalListPage } from './signals/SignalListPage';
export { FieldOverviewPage } from './overview/FieldOverviewPage';
export { FieldSetupPage } from './setup/FieldSetupPage';
