import { canSome, type Permission } from '@saferhood/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoader } from '../components/PageLoader';
import { hasPermission, RequireSession, SignInPage, useMe } from '../features/auth/index';
import { ForbiddenPage } from './ForbiddenPage';

// Only the sign-in page is in the first load (everyone lands there first, on a cheap phone too); the
// signed-in layout and every page behind it are loaded on demand, once the session is known.
const AppLayout = lazy(() => import('./AppLayout').then((module) => ({ default: module.AppLayout })));
const NotFoundPage = lazy(() => import('./NotFoundPage').then((module) => ({ default: module.NotFoundPage })));
const HomePage = lazy(() => import('../features/home/index').then((module) => ({ default: module.HomePage })));
const AccountPage = lazy(() => import('../features/account/index').then((module) => ({ default: module.AccountPage })));
const UserListPage = lazy(() => import('../features/users/index').then((module) => ({ default: module.UserListPage })));
const TenantListPage = lazy(() => import('../features/tenants/index').then((module) => ({ default: module.TenantListPage })));
const AuditLogPage = lazy(() => import('../features/audit/index').then((module) => ({ default: module.AuditLogPage })));
const TerritoryMapPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.TerritoryMapPage })));
const LocalityListPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.LocalityListPage })));
const LocalityShowPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.LocalityShowPage })));
const LocalityNewPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.LocalityNewPage })));
const LocalityBoundaryPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.LocalityBoundaryPage })));
const LocalityKindListPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.LocalityKindListPage })));
const PlaceListPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.PlaceListPage })));
const PlaceNewPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.PlaceNewPage })));
const PlaceEditPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.PlaceEditPage })));
const TerritoryImportPage = lazy(() => import('../features/territory/index').then((module) => ({ default: module.TerritoryImportPage })));
const IndicatorListPage = lazy(() => import('../features/indicators/index').then((module) => ({ default: module.IndicatorListPage })));
const CrimeSummaryPage = lazy(() => import('../features/crime/index').then((module) => ({ default: module.CrimeSummaryPage })));
const ReviewQueuePage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.ReviewQueuePage })));
const ShiftWeekPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.ShiftWeekPage })));
const TeamListPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.TeamListPage })));
const NotificationListPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.NotificationListPage })));
const SignalListPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.SignalListPage })));
const FieldOverviewPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.FieldOverviewPage })));
const FieldSetupPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.FieldSetupPage })));
const ActivityStatementPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.ActivityStatementPage })));
const FieldRecordShowPage = lazy(() => import('../features/field-work/index').then((module) => ({ default: module.FieldRecordShowPage })));

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return hasPermission(me, permission) ? children : <ForbiddenPage />;
}

/** For grants with a condition (a signal's designated recipient): the role may see some records; the server narrows. */
function RequireSomePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return canSome(me.user.role, permission) ? children : <ForbiddenPage />;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}

/** A page loaded on demand, for people who hold `permission`. */
function Guarded({ permission, page }: { permission: Permission; page: ReactNode }) {
  return (
    <RequirePermission permission={permission}>
      <Lazy>{page}</Lazy>
    </RequirePermission>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <Lazy>
              <AppLayout />
            </Lazy>
          </RequireSession>
        }
      >
        <Route index element={<Lazy><HomePage /></Lazy>} />
        <Route path="account" element={<Lazy><AccountPage /></Lazy>} />
        <Route
          path="users"
          element={
            <RequirePermission permission="user:list">
              <Lazy><UserListPage /></Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="tenants"
          element={
            <RequirePermission permission="tenant:list">
              <Lazy><TenantListPage /></Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit:list">
              <Lazy><AuditLogPage /></Lazy>
            </RequirePermission>
          }
        />
        <Route path="map" element={<Guarded permission="locality:list" page={<TerritoryMapPage />} />} />
        <Route path="localities" element={<Guarded permission="locality:list" page={<LocalityListPage />} />} />
        <Route path="localities/new" element={<Guarded permission="locality:create" page={<LocalityNewPage />} />} />
        <Route path="localities/:id/boundary" element={<Guarded permission="locality:update" page={<LocalityBoundaryPage />} />} />
        <Route path="localities/:id" element={<Guarded permission="locality:read" page={<LocalityShowPage />} />} />
        <Route path="locality-kinds" element={<Guarded permission="locality:update" page={<LocalityKindListPage />} />} />
        <Route path="places" element={<Guarded permission="place:list" page={<PlaceListPage />} />} />
        <Route path="places/new" element={<Guarded permission="place:create" page={<PlaceNewPage />} />} />
        <Route path="places/:id" element={<Guarded permission="place:update" page={<PlaceEditPage />} />} />
        <Route path="indicators" element={<Guarded permission="indicator:list" page={<IndicatorListPage />} />} />
        <Route path="crime" element={<Guarded permission="crime_data:read" page={<CrimeSummaryPage />} />} />
        <Route path="import" element={<Guarded permission="locality:import" page={<TerritoryImportPage />} />} />
        <Route path="field-review" element={<Guarded permission="field_record:review" page={<ReviewQueuePage />} />} />
        <Route path="shifts" element={<Guarded permission="shift:plan" page={<ShiftWeekPage />} />} />
        <Route path="field-teams" element={<Guarded permission="field_team:list" page={<TeamListPage />} />} />
        <Route path="notifications" element={<Lazy><NotificationListPage /></Lazy>} />
        <Route path="signals" element={<RequireSomePermission permission="field_record:read_restricted"><Lazy><SignalListPage /></Lazy></RequireSomePermission>} />
        <Route path="field-overview" element={<Guarded permission="field_record:summarise" page={<FieldOverviewPage />} />} />
        <Route path="field-setup" element={<Guarded permission="field_settings:update" page={<FieldSetupPage />} />} />
        <Route path="activity-statement" element={<Guarded permission="activity_statement:read" page={<ActivityStatementPage />} />} />
        {/* Anyone signed in: the server answers only for records the person may read (a signal's recipient, say). */}
        <Route path="field-records/:id" element={<Lazy><FieldRecordShowPage /></Lazy>} />
        <Route path="*" element={<Lazy><NotFoundPage /></Lazy>} />
      </Route>
    </Routes>
  );
}
