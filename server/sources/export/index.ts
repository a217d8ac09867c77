// Public surface of export: a dataset written in the import format (CSV folder or workbook).
export { writeCsvFolder } from './csv-folder.ts';
export { MAX_SHEET_ROWS, writeDatasetXlsx } from './xlsx.ts';
