/** Whole-text CSV parsing; the incremental reader lives in csvReader.ts. */
export { tryParseCsv, type ParseNotes, type ParsedCsv } from './csvReader';
