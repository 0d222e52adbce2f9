export { createInsightRoutes, insightRoles } from './insight-routes.js';
export { loadServiceSummary, periodStarts, runSummaryQuery, summaryQueries, type SummaryQueryName } from './load-service-summary.js';
export { loadDrillDown, drillDownFigures, type DrillDownFigure, type DrillDownPage } from './drill-down.js';
export { insightQuerySchema, parsePointInTime, toInsightFilter, type InsightFilter } from './insight-filter.js';
export type { ServiceFigures, ServiceSummary } from './service-figures.js';
export { summaryToCsv } from './summary-csv.js';
