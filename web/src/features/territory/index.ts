export { TerritoryMapPage } from './TerritoryMapPage';
export { LocalityListPage } from './LocalityListPage';
export { LocalityShowPage } from './LocalityShowPage';
export { TerritoryImportPage } from './TerritoryImportPage';
export { useLocalities, labelOfKind } from './use-localities';
export { LocalityNewPage } from './LocalityNewPage';
export { LocalityBoundaryPage } from './LocalityBoundaryPage';
