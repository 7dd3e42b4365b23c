export { CrimeSummaryPage } from './CrimeSummaryPage';
export { CrimeImportCard } from './CrimeImportCard';
export { LocalityCrimeSection } from './LocalityCrimeSection';
export { CRIME_QUERY_KEY, getCrimeGrid } from './api';
export { formatMonth, periodOfMonth } from './crime-period';
export { useCrimeMonth } from './use-crime-month';
