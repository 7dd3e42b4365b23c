export { territoryRoutes } from './territory.routes';
export { placeRoutes } from './place.routes';
export { indicatorRoutes } from './indicator.routes';
export { crimeDataRoutes } from './crime-data.routes';
export { findLocalityAt } from './locality.service';
export { syncCrimeTypes } from './crime-type.repository';
export { seedTerritory, type TerritorySeed } from './seed-territory';
