// Public surface of import: reading and validating sources into a Dataset. Writing is the store's job.
export type { ImportError } from './errors.ts';
export { MAX_ERRORS } from './errors.ts';
export { readSource, readSourceBuffer, readSourceFiles, sourceFiles, type ReadOptions, type ReadResult, type SourceFiles } from './read-source.ts';
export { CHUNK_ROWS, ImportRefused, streamCsv, type StreamChunk } from './stream.ts';
export { NOTHING_EXISTS, validateReferences, type ExistingLookup, type RowSources } from './references.ts';
