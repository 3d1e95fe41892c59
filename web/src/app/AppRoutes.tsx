import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../components/Loading';
import { ArticlePage, HelpPage } from '../features/articles';
import { InvoiceListPage, QuoteListPage, QuotePage } from '../features/billing';
import { AccountPage, ActivatePage, ForgotPasswordPage, ResetPasswordPage, SignInPage, UnsubscribePage } from '../features/auth';
import { CompanyPage, ContactsPage, type Module } from '../features/customers';
import { DataSheetLayoutPage, DataSheetListPage, DataSheetPage } from '../features/datasheets';
import { DocumentsPage } from '../features/documents';
import { RoutineListPage, ServiceCallListPage } from '../features/field';
import { GroupPage } from '../features/groups';
import { HomePage } from '../features/home';
import { JobListPage, JobPage } from '../features/jobs';
import { ProjectListPage, ProjectPage } from '../features/projects';
import { ActivityReportPage, MailedReportPage, RoutineReportPage } from '../features/reports';
import { SearchPage } from '../features/search';
import { SiteListPage, SitePage } from '../features/sites';
import { DashboardPage, NewTicketPage, TicketListPage, TicketPage } from '../features/tickets';
import { WorkflowListPage, WorkflowPage } from '../features/workflows';
import { NotFoundPage } from './NotFoundPage';
import { RequireModule } from './RequireModule';
import { RequireSession } from './RequireSession';

// The signed-in frame (navigation, news, notices) is a chunk of its own: the sign-in page never loads it.
const Shell = lazy(() => import('./Shell').then((m) => ({ default: m.Shell })));

const inModule = (module: Module, page: ReactNode) => <RequireModule module={module}>{page}</RequireModule>;

/** Every page's code is its own chunk, loaded when the page is first visited. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/activate" element={<ActivatePage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        {/* An email's unsubscribe link, signed in or not; one route, so taking the token out keeps the page. */}
        <Route path="/unsubscribe/*" element={<UnsubscribePage />} />
        <Route
          path="/data-sheets/:id/layout"
          element={<RequireSession>{inModule('data_sheets', <DataSheetLayoutPage />)}</RequireSession>}
        />
        <Route
          element={
            <RequireSession>
              <Shell />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="group" element={<GroupPage />} />
          <Route path="company" element={inModule('main_info', <CompanyPage />)} />
          <Route path="contacts" element={inModule('contacts', <ContactsPage />)} />
          <Route path="tickets" element={inModule('tickets', <TicketListPage />)} />
          <Route path="tickets/new" element={inModule('tickets', <NewTicketPage />)} />
          <Route path="tickets/:id" element={inModule('tickets', <TicketPage />)} />
          <Route path="dashboard" element={inModule('ticket_dashboard', <DashboardPage />)} />
          <Route path="jobs" element={inModule('jobs', <JobListPage />)} />
          <Route path="jobs/:id" element={inModule('jobs', <JobPage />)} />
          <Route path="workflows" element={inModule('workflows', <WorkflowListPage />)} />
          <Route path="workflows/:id" element={inModule('workflows', <WorkflowPage />)} />
          <Route path="data-sheets" element={inModule('data_sheets', <DataSheetListPage />)} />
          <Route path="data-sheets/:id" element={inModule('data_sheets', <DataSheetPage />)} />
          <Route path="documents" element={inModule('documents', <DocumentsPage />)} />
          <Route path="projects" element={inModule('projects', <ProjectListPage />)} />
          <Route path="projects/:id" element={inModule('projects', <ProjectPage />)} />
          <Route path="sites" element={inModule('sites', <SiteListPage />)} />
          <Route path="sites/:id" element={inModule('sites', <SitePage />)} />
          <Route path="routine" element={inModule('routine', <RoutineListPage />)} />
          <Route path="service-calls" element={inModule('service_calls', <ServiceCallListPage />)} />
          <Route path="quotes" element={inModule('quotes', <QuoteListPage />)} />
          <Route path="quotes/:id" element={inModule('quotes', <QuotePage />)} />
          <Route path="invoices" element={inModule('invoices', <InvoiceListPage />)} />
          <Route path="reports" element={inModule('reports', <ActivityReportPage />)} />
          {/* The routine report needs both modules: reports, and the routine maintenance it reports on. */}
          <Route path="reports/routine" element={inModule('reports', inModule('routine', <RoutineReportPage />))} />
          {/* The monthly email's link: signed in first (and back here), then on to the month it stands for. */}
          <Route path="reports/mailed/:link" element={inModule('reports', <MailedReportPage />)} />
          <Route path="search" element={inModule('search', <SearchPage />)} />
          <Route path="help" element={inModule('knowledge_base', <HelpPage />)} />
          <Route path="help/:id" element={inModule('knowledge_base', <ArticlePage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
