/** Batch files of applicants: are the model's columns there, which rows are flagged, which can be scored, and the table the row encoder reads. */
export {
  BATCH_FLAG_NAMES,
  BatchFlag,
  batchEncodingTable,
  batchFlagNames,
  checkBatchColumns,
  checkBatchRows,
  scorableRows,
  UNSCORABLE_FLAGS,
  type BatchColumnCheck,
  type BatchColumnFlag,
  type BatchFlagName,
  type BatchRowCheck,
  type TrimmedColumnMatch,
} from './batchCheck';
