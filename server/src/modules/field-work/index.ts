export { fieldRecordRoutes } from './field-record.routes';
export { shiftRoutes } from './shift.routes';
export { fieldAdminRoutes } from './field-admin.routes';
export { putRecord, reviewRecord } from './field-record.service';
export { planSeries, checkShift, listShifts } from './shift.service';
export { createTeam, changeSettings, listTeams } from './field-team.service';
export { localToday } from './local-time';
export { statementRoutes } from './statement.routes';
