export { territoryRoutes } from './territory.routes';
export { crimeDataRoutes } from './crime-data.routes';
export { findLocalityAt } from './locality.service';
export { syncCrimeTypes } from './crime-types';
