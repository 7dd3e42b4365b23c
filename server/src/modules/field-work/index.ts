export { fieldRecordRoutes } from './field-record.routes';
export { shiftRoutes } from './shift.routes';
export { fieldAdminRoutes } from './field-admin.routes';
