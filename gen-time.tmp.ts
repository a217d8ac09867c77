import { generateDemo } from '/work/main/server/sources/demo/index.ts';
import { createStore } from '/work/main/server/store/store.ts';
let t = performance.now();
const { dataset } = generateDemo({ seed: 1, scale: 'district', clock: Date.parse('2026-11-23T02:00:00Z') });
console.log('generate', ((performance.now() - t) / 1000).toFixed(1));
t = performance.now();
const s = createStore(process.argv[2]);
if (process.argv[3] === 'fast') { s.db.pragma('journal_mode = OFF'); s.db.pragma('synchronous = OFF'); }
s.importDataset(dataset);
console.log('import', ((performance.now() - t) / 1000).toFixed(1));
