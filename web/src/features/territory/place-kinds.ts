import { PLACE_KINDS } from '@saferhood/contracts';

export type PlaceKind = (typeof PLACE_KINDS)[number];
export { PLACE_KINDS };
