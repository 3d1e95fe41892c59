// The field service feature's parts that other features' pages show (themselves lazily loaded): the
// routine activities and service calls panels for the home page, a property's jobs for its page, and
// a job's field side for the job's page, and the outcome badge the routine report shows.
export type { FieldView } from './api';
export { OutcomeBadge } from './components/Badges';
export { FieldFacts } from './components/FieldFacts';
export { RoutinePanel } from './components/RoutinePanel';
export { ServiceCallsPanel } from './components/ServiceCallsPanel';
export { SiteJobs } from './components/SiteJobs';
