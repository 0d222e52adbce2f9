export { createKnowledgeGaps, type KnowledgeGapReport, type KnowledgeGaps } from './knowledge-gaps.js';
export { createKnowledgeHealth, type KnowledgeHealth } from './knowledge-health.js';
export { createKnowledgeInsightRoutes } from './knowledge-insight-routes.js';
