/**
 * The API's shapes as the pages name them: aliases of the schemas generated from the services'
 * OpenAPI documents (scripts/export-openapi.ts), so a DTO change that breaks a page breaks the
 * build.
 */
import type { components as IntakeSchemas } from './generated/intake';
import type { components as NotificationSchemas } from './generated/notification';
import type { components as ReportingSchemas } from './generated/reporting';

type Intake = IntakeSchemas['schemas'];

export type CreateTicketBody = Intake['CreateTicketDto'];
export type TicketView = Intake['TicketDetail'];
export type TicketListItem = Intake['TicketListItem'];
export type TicketPage = Intake['TicketList'];
export type Proposal = Intake['TicketProposal'];
export type EarlierTicket = Intake['EarlierTicket'];
export type CreatedTicket = Intake['TicketCreated'];
export type Disposition = Intake['DispositionView'];
export type Route = Intake['RouteView'];
export type Target = Intake['TargetView'];
export type Deadlines = Intake['DeadlinesView'];
export type TimelineEntry = Intake['TimelineEntryView'];
export type Voicemail = Intake['VoicemailView'];
export type Directory = Intake['DirectoryView'];
export type Person = Intake['PersonView'];
export type Department = Intake['DepartmentView'];
export type CaseRecord = Intake['CaseView'];
export type LoginResult = Intake['LoginResult'];

export type NoticeView = NotificationSchemas['schemas']['NotificationView'];
export type SmsView = NotificationSchemas['schemas']['SmsView'];
type Reporting = ReportingSchemas['schemas'];

export type Metrics = Reporting['MetricsDto'];
export type LedgerRow = Reporting['LedgerRowDto'];
export type LedgerPage = Reporting['LedgerPageDto'];
export type BulletinSummary = Reporting['BulletinSummaryDto'];
export type BulletinList = Reporting['BulletinListDto'];
export type BulletinDetail = Reporting['BulletinDto'];
export type BulletinPeriod = Reporting['BulletinPeriodDto'];
export type BulletinEntry = Reporting['BulletinEntryDto'];
export type BulletinGroup = Reporting['BulletinGroupDto'];
export type BulletinHandlerGroup = Reporting['BulletinHandlerGroupDto'];
export type BulletinFigures = BulletinDetail['figures'];

export type AuditEntry = Intake['AuditEntryView'];
export type AuditAction = AuditEntry['action'];
export type AuditList = Intake['AuditList'];
