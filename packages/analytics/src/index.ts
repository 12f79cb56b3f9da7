export { getOverview, OVERVIEW_WINDOW_DAYS } from './get-overview.ts';
