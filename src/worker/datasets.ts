// The data sets the worker holds, by the ids it gave them: each file's table, what identifies the
// file, and its last preparation (reused while the choices are unchanged). Nothing here is "the
// current" data set: every call names the one it means.
import type { PreparedData } from '../core/pipeline';
import { failWith, ok, type Result } from '../core/result';
import type { Table } from '../core/table';
import type { DatasetId } from './protocol';
import { randomId } from './randomId';

/** What identifies the file a table was read from (stored in a model's provenance). */
export interface FileFacts {
  readonly name: string;
  readonly sizeBytes: number;
  /** Lowercase hex SHA-256 of the bytes read. */
  readonly sha256: string;
}

/** A loaded data set: its table, its file, and the last preparation of it (one per data set: the matrices are large). */
export interface Dataset {
  readonly id: DatasetId;
  readonly table: Table;
  /** The file's facts; the SHA-256 of a user's file is computed the first time a model needs it (see loading.ts). */
  readonly fileFacts: () => Promise<FileFacts>;
  prepared: { readonly key: string; readonly data: PreparedData } | null;
}

const datasets = new Map<DatasetId, Dataset>();

/** Keeps `table` under a new id; `fileFacts` is called at most once (its promise is kept). */
export function addDataset(table: Table, fileFacts: () => Promise<FileFacts>): Dataset {
  let facts: Promise<FileFacts> | null = null;
  const dataset: Dataset = { id: randomId() as DatasetId, table, fileFacts: () => (facts ??= fileFacts()), prepared: null };
  datasets.set(dataset.id, dataset);
  return dataset;
}

/** The data set `id`, or why not (released, or the worker restarted since). */
export function findDataset(id: DatasetId): Result<Dataset> {
  const dataset = datasets.get(id);
  return dataset ? ok(dataset) : failWith('dataset.gone', {});
}

/** Lets go of data set `id` and its preparation; false when it was not loaded. */
export function releaseDataset(id: DatasetId): boolean {
  return datasets.delete(id);
}

/** How many data sets are held (for tests). */
export function datasetCount(): number {
  return datasets.size;
}
