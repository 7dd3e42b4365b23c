export { ReviewQueuePage } from './review/ReviewQueuePage';
export { FieldRecordShowPage } from './review/FieldRecordShowPage';
